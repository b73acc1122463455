using IdeTracker.Core.Discovery;
using IdeTracker.Core.Index;
using IdeTracker.Core.Indexing;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Dvc;
using IdeTracker.Core.Readers.Guild;
using IdeTracker.Core.Readers.Hydra;
using IdeTracker.Core.Readers.Lightning;
using IdeTracker.Core.Readers.MetricLogs;
using IdeTracker.Core.Readers.Mlflow;
using IdeTracker.Core.Readers.Sacred;
using IdeTracker.Core.Readers.TensorBoard;
using IdeTracker.Core.Readers.Wandb;

namespace IdeTracker.Core;

/// <summary>Puts the engine together the same way for the language server, the CLI and the benchmarks.</summary>
public static class Engine
{
    /// <summary>Discovery with every format's rules, the metric-log sniffer included.</summary>
    public static RunDiscovery CreateDiscovery(DiscoveryOptions options) => new(options, MetricLogSniffer.IsMetricLog);

    /// <summary>The readers of the units a logger writes; a Hydra job is read with these for what lies inside it.</summary>
    public static IReadOnlyList<IRunReader> LoggerReaders() =>
    [
        new MlflowFileRunReader(),
        new MlflowDatabaseReader(),
        new LightningCsvReader(),
        new TensorBoardRunReader(),
        new GuildRunReader(),
        new SacredRunReader(),
        new MetricLogReader(),
        new WandbRunReader(),
        new DvcProjectReader(),
    ];

    /// <summary>Every reader, one per unit format discovery reports.</summary>
    public static IReadOnlyList<IRunReader> Readers(RunDiscovery discovery)
    {
        var loggers = LoggerReaders();
        return [.. loggers, new HydraJobReader(discovery, loggers), new HydraSweepReader()];
    }

    public static WorkspaceIndexer CreateIndexer(IndexStore store, DiscoveryOptions options)
    {
        var discovery = CreateDiscovery(options);
        return new WorkspaceIndexer(store, discovery, Readers(discovery));
    }
}
