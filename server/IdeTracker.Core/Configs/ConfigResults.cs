using System.Collections.Concurrent;
using IdeTracker.Core.Index;

namespace IdeTracker.Core.Configs;

/// <summary>Past results for config keys, read from the index and cached per (index version, main metric): while
/// neither moves, a hover on a key asked about before runs no SQL. The cache holds at most
/// <see cref="MaxCachedKeys"/> keys' values and <see cref="MaxCachedDocuments"/> documents' results, least recently
/// used dropped first. Any move of the version drops all of it, with the run table and the key catalog (param keys,
/// read off their index; run counts and Hydra choice tags only when asked): the version says that something
/// changed, not which runs, and a live run's new metric points can change the best value of every key it records,
/// so nothing cached is known to hold. A file is judged by at most <see cref="MaxDocumentKeys"/> of its matched
/// keys, those the fewest runs record (they narrow the runs the most), so a 50,000-line config stays bounded.
/// <para>With a <c>maxStaleness</c> above zero (the server's choice), a version move does not make the next request
/// pay for reading everything again: the results of the older version keep answering, for at most that long, while
/// one background rebuild (at most every <see cref="MinRebuildInterval"/>) reads again the keys and files asked about
/// recently and then swaps them in and raises <see cref="Refreshed"/>. A live run writing every second so costs one
/// rebuild every few seconds instead of a slow hover at every write.</para></summary>
public sealed class ConfigResults(IndexStore store, Func<MetricChoice?> mainMetric, Func<int> indexVersion, TimeSpan maxStaleness = default) : IConfigResults
{
    /// <summary>The least time between the starts of two background rebuilds.</summary>
    public static readonly TimeSpan MinRebuildInterval = TimeSpan.FromSeconds(3);

    /// <summary>How many recently asked keys and files a background rebuild reads again before swapping in.</summary>
    private const int RebuiltKeys = 64;

    private const int RebuiltDocuments = 16;

    public const int MaxCachedKeys = 512;

    public const int MaxCachedDocuments = 64;

    public const int MaxDocumentKeys = 64;

    /// <summary>Beyond this many keys of a file, every param key's run count is read in one pass instead of one by one.</summary>
    private const int KeysCountedOneByOne = 16;

    private readonly Lock rebuild = new();
    private Snapshot? snapshot;
    private int rebuilding;
    private long lastRebuildTicks;
    private int catalogReads;
    private int keyReads;
    private int documentReads;

    /// <summary>How many times the key catalog was read: once per index version (and main metric) asked about.</summary>
    public int CatalogReads => Volatile.Read(ref catalogReads);

    /// <summary>How many times one key's values were read from the index (cache misses of <see cref="ForEntry"/>).</summary>
    public int KeyReads => Volatile.Read(ref keyReads);

    /// <summary>How many times a document's runs were read from the index (cache misses of <see cref="ForDocument"/>).</summary>
    public int DocumentReads => Volatile.Read(ref documentReads);

    /// <summary>Raised on a pool thread after a background rebuild swapped in results of a newer index version.</summary>
    public event Action? Refreshed;

    /// <summary>Starts a background rebuild when results are kept and the index has moved past them (nothing
    /// happens when no request was ever answered): for the server to call when the index changes.</summary>
    public void Prefetch()
    {
        if (maxStaleness > TimeSpan.Zero && Volatile.Read(ref snapshot) is { } cached && cached.Version != indexVersion())
        {
            StartRebuild();
        }
    }

    public KeyResults ForEntry(ConfigEntry entry)
    {
        var current = Current();
        var match = current.Mapper.Map(entry);
        if (match.Key is not { } key)
        {
            return new KeyResults(match, current.Metric, 0, []);
        }

        var source = match.Kind == KeyMatchKind.HydraChoice ? ValueSource.Tag : ValueSource.Param;
        var values = ReadValues(current, source, key);

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

        return ReadDocument(current, conditions);
    }

    private FileResults ReadDocument(Snapshot current, IReadOnlyList<ValueCondition> conditions)
    {
        var cacheKey = string.Join('\u001f', conditions.Select(c => $"{(int)c.Source}\u001e{c.Key}\u001e{c.Value}"));
        return current.Documents.GetOrAdd(cacheKey, () =>
        {
            Interlocked.Increment(ref documentReads);
            if (current.DocumentConditions.Count >= MaxCachedDocuments * 4)
            {
                // Typing makes a new set of values at every keystroke; only recent ones matter to a rebuild.
                current.DocumentConditions.Clear();
            }

            current.DocumentConditions[cacheKey] = conditions;
            if (conditions.Count > KeysCountedOneByOne)
            {
                current.CountAllParamKeys();
            }

            var rarestFirst = conditions.OrderBy(c => current.RunsRecording(c.Source, c.Key)).Take(MaxDocumentKeys).ToList();
            return store.GetFileResults(rarestFirst, current.Metric, current.RunResults);
        });
    }

    private IReadOnlyList<ValueResult> ReadValues(Snapshot current, ValueSource source, string key) =>
        current.Keys.GetOrAdd((source, key), () =>
        {
            Interlocked.Increment(ref keyReads);
            return store.GetValueResults(source, key, current.Metric, current.RunResults);
        });

    private Snapshot Current()
    {
        var version = indexVersion();
        var metric = mainMetric();
        if (Volatile.Read(ref snapshot) is { } cached && Equals(cached.Metric, metric))
        {
            if (cached.Version == version)
            {
                return cached;
            }

            // Stale results answer while the rebuild runs, for a bounded time; after that, a request reads afresh.
            if (maxStaleness > TimeSpan.Zero && DateTimeOffset.UtcNow - cached.StaleSince() <= maxStaleness)
            {
                StartRebuild();
                return cached;
            }
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

    /// <summary>One rebuild at a time, started at most every <see cref="MinRebuildInterval"/>.</summary>
    private void StartRebuild()
    {
        if (Interlocked.CompareExchange(ref rebuilding, 1, 0) != 0)
        {
            return;
        }

        var wait = TimeSpan.FromTicks(Volatile.Read(ref lastRebuildTicks)) + MinRebuildInterval - TimeSpan.FromTicks(DateTime.UtcNow.Ticks);
        _ = Task.Run(async () =>
        {
            var refreshed = false;
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait).ConfigureAwait(false);
                }

                Volatile.Write(ref lastRebuildTicks, DateTime.UtcNow.Ticks);
                refreshed = Rebuild();
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException)
            {
                // The next request reads for itself once the stale results are too old; nothing is lost.
            }
            finally
            {
                Volatile.Write(ref rebuilding, 0);
            }

            if (refreshed)
            {
                Refreshed?.Invoke();
                if (indexVersion() != Volatile.Read(ref snapshot)?.Version)
                {
                    StartRebuild();
                }
            }
        });
    }

    /// <summary>Reads again, at the current version, what the last results were asked about, then swaps them in
    /// unless newer ones got there first. True when it swapped.</summary>
    private bool Rebuild()
    {
        if (Volatile.Read(ref snapshot) is not { } old)
        {
            return false;
        }

        var version = indexVersion();
        var metric = mainMetric();
        if (old.Version == version && Equals(old.Metric, metric))
        {
            return false;
        }

        Interlocked.Increment(ref catalogReads);
        var fresh = new Snapshot(store, version, metric);
        foreach (var (source, key) in old.Keys.RecentKeys(RebuiltKeys))
        {
            ReadValues(fresh, source, key);
        }

        foreach (var documentKey in old.Documents.RecentKeys(RebuiltDocuments))
        {
            if (old.DocumentConditions.TryGetValue(documentKey, out var conditions))
            {
                ReadDocument(fresh, conditions);
            }
        }

        lock (rebuild)
        {
            if (Volatile.Read(ref snapshot) is { } current && current.Version > version)
            {
                return false;
            }

            Volatile.Write(ref snapshot, fresh);
            return true;
        }
    }

    /// <summary>What is known of the index at one version: the key catalog (param keys read off their index, run
    /// counts and Hydra choice tags only when asked), the run table for keys most runs record, and the caches.</summary>
    private sealed class Snapshot
    {
        private readonly ConcurrentDictionary<(ValueSource, string), int> runsRecording = new();
        private readonly IndexStore store;
        private readonly Lazy<RunResultTable> runResults;
        private long staleSinceTicks;

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

        /// <summary>The conditions each cached document was read with, so a rebuild can read it again.</summary>
        public ConcurrentDictionary<string, IReadOnlyList<ValueCondition>> DocumentConditions { get; } = new(StringComparer.Ordinal);

        /// <summary>When a request first found the index past this version (set once).</summary>
        public DateTimeOffset StaleSince()
        {
            Interlocked.CompareExchange(ref staleSinceTicks, DateTimeOffset.UtcNow.UtcTicks, 0);
            return new DateTimeOffset(Interlocked.Read(ref staleSinceTicks), TimeSpan.Zero);
        }

        public RunResultTable RunResults() => runResults.Value;

        public void CountAllParamKeys()
        {
            foreach (var (key, runs) in store.GetParamKeyCounts())
            {
                runsRecording.TryAdd((ValueSource.Param, key), runs);
            }
        }

        public int RunsRecording(ValueSource source, string key) =>
            runsRecording.GetOrAdd((source, key), k => store.CountRunsRecording(k.Item1, k.Item2));
    }
}
