namespace IdeTracker.Core.Discovery;

/// <summary>How paths compare on this machine: case-insensitively where the usual file systems are.</summary>
internal static class PathComparison
{
    public static StringComparison Comparison { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static StringComparer Comparer { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>Full path without a trailing separator (a file-system root keeps its own).</summary>
    public static string Normalise(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or lies below it; both normalised.</summary>
    public static bool IsSameOrBelow(string root, string path)
    {
        if (path.Equals(root, Comparison))
        {
            return true;
        }

        var prefixLength = Path.EndsInDirectorySeparator(root) ? root.Length : root.Length + 1;
        return path.Length > prefixLength
            && path.StartsWith(root, Comparison)
            && (Path.EndsInDirectorySeparator(root) || IsSeparator(path[root.Length]));
    }

    /// <summary>The part of <paramref name="path"/> below <paramref name="root"/>, forward slashes, "" for the root itself.</summary>
    public static string RelativeBelow(string root, string path)
    {
        if (path.Length <= root.Length)
        {
            return "";
        }

        var start = Path.EndsInDirectorySeparator(root) ? root.Length : root.Length + 1;
        return path[start..].Replace('\\', '/');
    }

    private static bool IsSeparator(char c) => c == Path.DirectorySeparatorChar || c == Path.AltDirectorySeparatorChar;
}
