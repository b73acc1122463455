using IdeTracker.Core.Discovery;
using IdeTracker.Core.Index;
using IdeTracker.Core.Indexing;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Dvc;
using IdeTracker.Core.Readers.Lightning;
using IdeTracker.Core.Readers.Mlflow;

namespace IdeTracker.Core;

/// <summary>Puts the engine together the same way for the language server, the CLI and the benchmarks.</summary>
public static class Engine
{
    public static IReadOnlyList<IRunReader> Readers() =>
    [
        new MlflowFileRunReader(),
        new MlflowDatabaseReader(),
        new LightningCsvReader(),
        new DvcProjectReader(),
    ];

    public static WorkspaceIndexer CreateIndexer(IndexStore store, DiscoveryOptions options) =>
        new(store, new RunDiscovery(options), Readers());
}
