using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Indexing;

/// <summary>What the indexer needs from discovery: every unit of a workspace, and the unit a changed path
/// belongs to.</summary>
public interface IUnitDiscovery
{
    DiscoveryResult Discover(string root, CancellationToken cancellationToken);

    /// <summary>The unit that contains (or is) <paramref name="path"/> as the tree is now; null when none.</summary>
    RunUnit? FindUnitContaining(string root, string path);
}
