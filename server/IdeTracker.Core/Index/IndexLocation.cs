using System.Security.Cryptography;
using System.Text;

namespace IdeTracker.Core.Index;

/// <summary>Where the command line keeps a workspace's index: outside the user's tree, one folder per
/// workspace, named by a hash of the workspace's real path so a symlinked checkout shares it.</summary>
internal static class IndexLocation
{
    private const int MaxLinkHops = 40;

    public static string DefaultCliPath(string workspaceRoot, Func<string, string?> environment)
    {
        var real = RealPath(workspaceRoot);
        var identity = OperatingSystem.IsWindows() ? real.ToUpperInvariant() : real;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity))[..8]);
        return Path.Combine(UserCacheFolder(environment), "ide-tracker", hash, "index.db");
    }

    /// <summary>The user's cache folder, with <c>$HOME</c> read from <paramref name="environment"/> too.</summary>
    public static string UserCacheFolder(Func<string, string?> environment) =>
        IdeTracker.Core.UserCacheFolder.Resolve(
            environment,
            OperatingSystem.IsWindows(),
            environment("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The absolute path with every symbolic link along it resolved (parts that do not exist are
    /// kept as written).</summary>
    public static string RealPath(string path)
    {
        var current = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        for (var hop = 0; hop < MaxLinkHops; hop++)
        {
            var resolved = ResolveFirstLink(current);
            if (resolved is null)
            {
                return current;
            }

            current = resolved;
        }

        return current;
    }

    private static string? ResolveFirstLink(string path)
    {
        var root = Path.GetPathRoot(path) ?? string.Empty;
        var parts = path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var prefix = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var candidate = Path.Combine(prefix, parts[i]);
            var target = new FileInfo(candidate).LinkTarget;
            if (target is not null)
            {
                var rest = Path.Combine(parts[(i + 1)..]);
                var resolved = Path.Combine(Path.GetFullPath(target, prefix), rest);
                return Path.TrimEndingDirectorySeparator(Path.GetFullPath(resolved));
            }

            prefix = candidate;
        }

        return null;
    }
}
