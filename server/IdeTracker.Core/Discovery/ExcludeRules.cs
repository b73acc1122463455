using Microsoft.Extensions.FileSystemGlobbing;

namespace IdeTracker.Core.Discovery;

/// <summary>Folders the walk never enters: tool and package folders by name, and the user's exclude globs.</summary>
internal sealed class ExcludeRules
{
    // A name no real entry has: a folder is excluded when a file directly inside it would be, so "data/**" prunes "data".
    private const string AnyChild = "\u0001";

    private static readonly HashSet<string> PrunedNames = new(
        [".git", "node_modules", "__pycache__", ".ide-tracker", ".venv", "venv", "site-packages"],
        PathComparison.Comparer);

    private readonly Matcher? _globs;

    /// <summary>Whether a folder name is one the walk never enters, whatever the user's globs.</summary>
    public static bool IsPrunedName(string name) => PrunedNames.Contains(name);

    public ExcludeRules(IReadOnlyList<string> globs)
    {
        if (globs.Count == 0)
        {
            return;
        }

        _globs = new Matcher(PathComparison.Comparison);
        _globs.AddIncludePatterns(globs);
    }

    /// <summary>Whether a folder is pruned; <paramref name="relativePath"/> is below the root, forward slashes.</summary>
    public bool ExcludesFolder(string relativePath, string name) =>
        PrunedNames.Contains(name)
        || (_globs is not null && (_globs.Match(relativePath).HasMatches || _globs.Match(relativePath + "/" + AnyChild).HasMatches));

    /// <summary>Whether a file is excluded by a glob.</summary>
    public bool ExcludesFile(string relativePath) => _globs is not null && _globs.Match(relativePath).HasMatches;
}
