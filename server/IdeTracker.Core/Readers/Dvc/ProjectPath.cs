namespace IdeTracker.Core.Readers.Dvc;

/// <summary>Paths inside a DVC project as dvc.yaml and dvc.lock write them: relative to the project folder
/// (or a stage's wdir), forward slashes. Normalised so the same file is always spelled the same way.</summary>
internal static class ProjectPath
{
    /// <summary>"wdir/file" with "." and ".." folded: ("src", "../params.yaml") → "params.yaml",
    /// ("", "../x.yaml") → "../x.yaml". Null for an absolute path or an empty one.</summary>
    public static string? Join(string? wdir, string path)
    {
        path = path.Trim().Replace('\\', '/');
        if (path.Length == 0 || path.StartsWith('/') || (path.Length > 1 && path[1] == ':'))
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var part in ((wdir ?? "").Replace('\\', '/') + "/" + path).Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    /// <summary>The folder part of a relative path: "dvclive/metrics.json" → "dvclive", "m.json" → "".</summary>
    public static string FolderOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    /// <summary>"folder/name", or "name" when the folder is the project itself.</summary>
    public static string Child(string folder, string name) => folder.Length == 0 ? name : folder + "/" + name;
}
