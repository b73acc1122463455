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
            return store.GetValueResults(source, key, current.Metric);
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
            var rarest = conditions.MinBy(c => current.RunsRecording(c))!;
            return store.GetFileResults(conditions, rarest, current.Metric);
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
            var fresh = new Snapshot(version, metric, store.GetParamKeyCounts(), store.GetTagKeyCounts());
            Interlocked.Increment(ref catalogReads);
            Volatile.Write(ref snapshot, fresh);
            return fresh;
        }
    }

    private sealed class Snapshot
    {
        private readonly Dictionary<string, int> paramRuns;
        private readonly Dictionary<string, int> tagRuns;

        public Snapshot(int version, MetricChoice? metric, IReadOnlyList<KeyRunCount> paramKeys, IReadOnlyList<KeyRunCount> tagKeys)
        {
            Version = version;
            Metric = metric;
            Mapper = new ConfigKeyMapper(paramKeys, tagKeys);
            paramRuns = paramKeys.ToDictionary(k => k.Key, k => k.Runs, StringComparer.Ordinal);
            tagRuns = tagKeys.ToDictionary(k => k.Key, k => k.Runs, StringComparer.Ordinal);
        }

        public int Version { get; }

        public MetricChoice? Metric { get; }

        public ConfigKeyMapper Mapper { get; }

        public BoundedCache<(ValueSource Source, string Key), IReadOnlyList<ValueResult>> Keys { get; } = new(MaxCachedKeys);

        public BoundedCache<string, FileResults> Documents { get; } = new(MaxCachedDocuments);

        public int RunsRecording(ValueCondition condition) =>
            (condition.Source == ValueSource.Param ? paramRuns : tagRuns).GetValueOrDefault(condition.Key);
    }
}
