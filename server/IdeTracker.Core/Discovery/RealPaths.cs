namespace IdeTracker.Core.Discovery;

/// <summary>Resolves every symbolic link in a path, like realpath(3), so two spellings of one folder compare equal.</summary>
internal static class RealPaths
{
    // The same bound the kernel puts on links followed while resolving one path (ELOOP).
    private const int MaxLinkHops = 40;

    /// <summary>The path with every link component replaced by its target, or null when a link is
    /// broken, unreadable or part of a loop. Components that do not exist are kept as written.</summary>
    public static string? Resolve(string path)
    {
        var pending = new Stack<string>();
        var current = Split(Path.GetFullPath(path), pending);
        var hops = 0;
        while (pending.TryPop(out var part))
        {
            var next = Path.Join(current, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                target = null;
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            current = Split(Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Join(current, target)), pending);
        }

        return PathComparison.Normalise(current);
    }

    /// <summary>Pushes the components of a full path (last first, so they pop in order) and returns its root.</summary>
    private static string Split(string fullPath, Stack<string> pending)
    {
        var root = Path.GetPathRoot(fullPath) ?? "";
        var parts = fullPath[root.Length..].Split(
            [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar],
            StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }

        return root;
    }
}
