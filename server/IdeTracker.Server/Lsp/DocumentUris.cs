namespace IdeTracker.Server.Lsp;

/// <summary>The one place file URIs and paths are converted. VS Code escapes ':' in drive letters (%3A),
/// spaces, '#' and non-ASCII characters; both directions must round-trip them.</summary>
public static class DocumentUris
{
    public static string ToPath(string uri)
    {
        if (!uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"not a file URI: {uri}", nameof(uri));
        }

        var rest = uri["file:".Length..];
        string authority = string.Empty;
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            rest = rest[2..];
            var slash = rest.IndexOf('/');
            authority = slash < 0 ? rest : rest[..slash];
            rest = slash < 0 ? "/" : rest[slash..];
        }

        var path = Uri.UnescapeDataString(rest);
        if (OperatingSystem.IsWindows())
        {
            if (path.Length >= 3 && path[0] == '/' && path[2] == ':')
            {
                path = path[1..];
            }

            path = path.Replace('/', '\\');
            return authority.Length > 0 ? $@"\\{authority}{path}" : path;
        }

        return path;
    }

    public static string FromPath(string path)
    {
        var full = Path.GetFullPath(path).Replace('\\', '/');
        if (!full.StartsWith('/'))
        {
            full = "/" + full;
        }

        return "file://" + string.Join('/', full.Split('/').Select(Uri.EscapeDataString));
    }
}
