namespace IdeTracker.Core.Model;

/// <summary>Path spelling used everywhere a path is stored or shown: forward slashes, relative to the workspace.</summary>
public static class PathText
{
    public static string RelativeOrSelf(string root, string path)
    {
        var rel = System.IO.Path.GetRelativePath(root, path);
        if (rel.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(rel))
        {
            return path.Replace('\\', '/');
        }

        return rel == "." ? "." : rel.Replace('\\', '/');
    }
}
