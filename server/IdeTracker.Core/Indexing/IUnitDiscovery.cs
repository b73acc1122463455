using IdeTracker.Core.Discovery;
using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Indexing;

/// <summary>What the indexer needs from discovery: every unit of a workspace, and the unit a changed path
/// belongs to.</summary>
public interface IUnitDiscovery
{
    DiscoveryResult Discover(string workspaceRoot, CancellationToken ct);

    /// <summary>The unit that contains (or is) <paramref name="path"/> as the tree is now; null when none.</summary>
    RunUnit? FindUnitContaining(string workspaceRoot, string path);
}
