using System.Collections.Concurrent;
using IdeTracker.Core.Index;

namespace IdeTracker.Core.Configs;

/// <summary>Past results for config keys, read from the index and cached per (index version, main metric): while
/// neither moves, a hover on a key asked about before runs no SQL. The cache holds at most
/// <see cref="MaxCachedKeys"/> keys' values and <see cref="MaxCachedDocuments"/> documents' results, least recently
/// used dropped first. Any move of the version drops all of it, and the key catalog the mapper matches against is
/// read again on the next call: the version says that something changed, not which runs, and a live run's new
/// metric points can change the best value of every key it records, so nothing cached is known to hold.</summary>
public sealed class ConfigResults(IndexStore store, Func<MetricChoice?> mainMetric, Func<int> indexVersion) : IConfigResults
{
    public const int MaxCachedKeys = 512;

    public const int MaxCachedDocuments = 64;

    private readonly Lock rebuild = new();
    private Snapshot? snapshot;
    private int catalogReads;
    private int keyReads;
    private int documentReads;

    /// <summary>How many times the key catalog was read: once per index version (and main metric) asked about.</summary>
    public int CatalogReads => Volatile.Read(ref catalogReads);

    /// <summary>How many times one key's values were read from the index (cache misses of <see cref="ForEntry"/>).</summary>
    public int KeyReads => Volatile.Read(ref keyReads);

    /// <summary>How many times a document's runs were read from the index (cache misses of <see cref="ForDocument"/>).</summary>
    public int DocumentReads => Volatile.Read(ref documentReads);

    public KeyResults ForEntry(ConfigEntry entry)
    {
        var current = Current();
        var match = current.Mapper.Map(entry);
        if (match.Key is not { } key)
        {
            return new KeyResults(match, current.Metric, 0, []);
        }

        var source = match.Kind == KeyMatchKind.HydraChoice ? ValueSource.Tag : ValueSource.Param;
        var values = current.Keys.GetOrAdd((source, key), () =>
        {
            Interlocked.Increment(ref keyReads);
            return store.GetValueResults(source, key, current.Metric, current.RunResults);
        });

        // A run records a key once, so the runs of its values are the runs that record it.
        return new KeyResults(match, current.Metric, values.Sum(v => v.Runs), values);
    }

    public FileResults ForDocument(ConfigDocument document)
    {
        var current = Current();
        var conditions = new List<ValueCondition>();
        var seen = new HashSet<(ValueSource, string)>();
        foreach (var entry in document.Entries)
        {
            if (entry.Kind == ConfigEntryKind.Section || entry.Value is null || current.Mapper.Map(entry) is not { Key: { } key } match)
            {
                continue;
            }

            var source = match.Kind == KeyMatchKind.HydraChoice ? ValueSource.Tag : ValueSource.Param;
            if (seen.Add((source, key)))
            {
                conditions.Add(new ValueCondition(source, key, entry.Value));
            }
        }

        if (conditions.Count == 0)
        {
            return new FileResults(0, 0, null, [], []);
        }

        var cacheKey = string.Join('\u001f', conditions.Select(c => $"{(int)c.Source}\u001e{c.Key}\u001e{c.Value}"));
        return current.Documents.GetOrAdd(cacheKey, () =>
        {
            Interlocked.Increment(ref documentReads);
            var rarestFirst = conditions.OrderBy(c => current.RunsRecording(c.Source, c.Key)).ToList();
            return store.GetFileResults(rarestFirst, current.Metric, current.RunResults);
        });
    }

    private Snapshot Current()
    {
        var version = indexVersion();
        var metric = mainMetric();
        if (Volatile.Read(ref snapshot) is { } cached && cached.Version == version && Equals(cached.Metric, metric))
        {
            return cached;
        }

        lock (rebuild)
        {
            if (Volatile.Read(ref snapshot) is { } again && again.Version == version && Equals(again.Metric, metric))
            {
                return again;
            }

            // Read after the version: a change landing meanwhile moves the version again, and the next call rebuilds.
            Interlocked.Increment(ref catalogReads);
            var fresh = new Snapshot(store, version, metric);
            Volatile.Write(ref snapshot, fresh);
            return fresh;
        }
    }

    /// <summary>What is known of the index at one version: the key catalog (param keys read off their index, run
    /// counts and Hydra choice tags only when asked), the run table for keys most runs record, and the caches.</summary>
    private sealed class Snapshot
    {
        private readonly ConcurrentDictionary<(ValueSource, string), int> runsRecording = new();
        private readonly IndexStore store;
        private readonly Lazy<RunResultTable> runResults;

        public Snapshot(IndexStore store, int version, MetricChoice? metric)
        {
            this.store = store;
            Version = version;
            Metric = metric;
            Mapper = new ConfigKeyMapper(store.GetFilterCatalog().ParamKeys, key => RunsRecording(ValueSource.Param, key), store.GetHydraChoiceTagKeys);
            runResults = new Lazy<RunResultTable>(() => store.LoadRunResults(metric), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public int Version { get; }

        public MetricChoice? Metric { get; }

        public ConfigKeyMapper Mapper { get; }

        public BoundedCache<(ValueSource Source, string Key), IReadOnlyList<ValueResult>> Keys { get; } = new(MaxCachedKeys);

        public BoundedCache<string, FileResults> Documents { get; } = new(MaxCachedDocuments);

        public RunResultTable RunResults() => runResults.Value;

        public int RunsRecording(ValueSource source, string key) =>
            runsRecording.GetOrAdd((source, key), k => store.CountRunsRecording(k.Item1, k.Item2));
    }
}
