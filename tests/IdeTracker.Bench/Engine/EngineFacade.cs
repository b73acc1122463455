namespace IdeTracker.Bench.Engine;

/// <summary>The benchmark's only contact with the engine: open the index file, index the workspace with
/// discovery and every reader the server uses, close the index. Timings around this call therefore include
/// opening and closing the database, as a real start does.</summary>
internal static class EngineFacade
{
    /// <summary>Indexes <paramref name="workspaceRoot"/> into the SQLite index at <paramref name="databasePath"/>
    /// (created when missing), then closes it.</summary>
    /// <exception cref="NotSupportedException">Until the indexer, discovery, index store and readers are merged:
    /// this placeholder is then replaced by the real calls.</exception>
    public static IndexOutcome Index(string workspaceRoot, string databasePath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        throw new NotSupportedException(
            $"The engine is not wired into the benchmark yet (would index {workspaceRoot} into {databasePath}): " +
            "EngineFacade.Index waits for IndexStore, WorkspaceIndexer, RunDiscovery and the readers.");
    }
}
