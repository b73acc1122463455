using IdeTracker.Core;
using IdeTracker.Core.Discovery;
using IdeTracker.Core.Index;
using IdeTracker.Core.Indexing;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.Indexing;

/// <summary>One workspace folder being served: its index, the indexer that fills it, and the main metric
/// the labels show.</summary>
public sealed class WorkspaceSession : IDisposable
{
    private readonly PrimaryMetricSetting? _primaryMetricSetting;
    private int _indexVersion;
    private ChoiceAtVersion? _mainMetric;

    private WorkspaceSession(string root, IndexStore store, WorkspaceIndexer indexer, PrimaryMetricSetting? primaryMetric)
    {
        Root = root;
        Store = store;
        Indexer = indexer;
        _primaryMetricSetting = primaryMetric;
    }

    public string Root { get; }

    public IndexStore Store { get; }

    public WorkspaceIndexer Indexer { get; }

    /// <summary>Opens (or rebuilds) the index in <paramref name="storagePath"/>, else in the user's cache folder.</summary>
    public static WorkspaceSession Open(string root, InitializationOptions? options, Action<string> log)
    {
        var fullRoot = Path.GetFullPath(root);
        var databasePath = options?.StoragePath is { Length: > 0 } storage
            ? Path.Combine(storage, "index.db")
            : IndexStore.DefaultCliPath(fullRoot);
        var store = IndexStore.Open(databasePath, fullRoot, log);
        var discoveryOptions = new DiscoveryOptions { ExcludeGlobs = options?.ExcludeGlobs ?? [] };
        var indexer = Engine.CreateIndexer(store, discoveryOptions);
        return new WorkspaceSession(fullRoot, store, indexer, options?.PrimaryMetric);
    }

    /// <summary>The metric labels show: the user's setting, else inferred from the indexed runs. Cached per
    /// index version, so a change that lands while it is being worked out is never hidden by a stale choice.</summary>
    public MetricChoice? MainMetric
    {
        get
        {
            var version = Volatile.Read(ref _indexVersion);
            if (Volatile.Read(ref _mainMetric) is { } cached && cached.Version == version)
            {
                return cached.Choice;
            }

            var choice = PrimaryMetric.Choose(Store.GetMetricKeyCounts(), _primaryMetricSetting?.Name, _primaryMetricSetting?.Direction);
            Volatile.Write(ref _mainMetric, new ChoiceAtVersion(version, choice));
            return choice;
        }
    }

    /// <summary>Moves on with every index change, so caches of what the index held can tell they are stale.</summary>
    public int IndexVersion => Volatile.Read(ref _indexVersion);

    /// <summary>Raised after every index change, on the thread that made it; handlers must return quickly.</summary>
    public event Action? Changed;

    /// <summary>Called after every index change: the runs (and so the best metric to show) may differ.</summary>
    public void IndexChanged()
    {
        Interlocked.Increment(ref _indexVersion);
        Changed?.Invoke();
    }

    private sealed record ChoiceAtVersion(int Version, MetricChoice? Choice);

    public void Dispose() => Store.Dispose();
}
