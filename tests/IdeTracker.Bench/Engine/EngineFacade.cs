using IdeTracker.Core.Discovery;
using IdeTracker.Core.Index;

namespace IdeTracker.Bench.Engine;

/// <summary>The benchmark's only contact with the engine: open the index file, index the workspace with
/// discovery and every reader the server uses, close the index. Timings around this call therefore include
/// opening and closing the database, as a real start does.</summary>
internal static class EngineFacade
{
    /// <summary>Indexes <paramref name="workspaceRoot"/> into the SQLite index at <paramref name="databasePath"/>
    /// (created when missing), then closes it.</summary>
    public static IndexOutcome Index(string workspaceRoot, string databasePath, CancellationToken cancellationToken)
    {
        using var store = IndexStore.Open(databasePath, workspaceRoot);
        var indexer = Core.Engine.CreateIndexer(store, DiscoveryOptions.Default);
        var result = indexer.IndexWorkspace(workspaceRoot, progress: null, cancellationToken);
        return new IndexOutcome(result.UnitsSeen, result.UnitsRead, result.UnitsRemoved, result.RunsWritten, result.Elapsed);
    }
}
