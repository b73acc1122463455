namespace IdeTracker.Core.Discovery;

/// <summary>What the walk skips beyond the built-in prunes (.git, node_modules, virtualenvs, __pycache__,
/// .ide-tracker). Globs are matched against paths relative to the workspace root, e.g. "data/**".</summary>
public sealed record DiscoveryOptions
{
    public IReadOnlyList<string> ExcludeGlobs { get; init; } = [];

    public static DiscoveryOptions Default { get; } = new();
}
