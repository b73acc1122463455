using System.Collections.Concurrent;
using IdeTracker.Core.Index;
using IdeTracker.Core.Queries;

namespace IdeTracker.Server.Features.RunTree;

/// <summary>Lineage forests per experiment, and per experiment and filter text, kept until the index changes
/// (<paramref name="indexVersion"/> moves on), so paging through a huge experiment works the forest out once.
/// At most <see cref="MaxExperiments"/> unfiltered forests are kept, and filtered ones for the last
/// <see cref="MaxFilters"/> filters used (at most <see cref="MaxExperiments"/> of them).</summary>
public sealed class LineageCache(Func<int> indexVersion)
{
    public const int MaxExperiments = 64;
    public const int MaxFilters = 4;

    private readonly ConcurrentDictionary<(string Store, string? Experiment), (int Version, LineageForest Forest)> _forests = new();
    private readonly Dictionary<(string Store, string? Experiment, string Filter), (int Version, LineageForest Forest)> _filtered = [];

    /// <summary>Filter texts, the most recently used last.</summary>
    private readonly List<string> _recentFilters = [];
    private readonly Lock _filteredLock = new();

    public LineageForest Get(IndexStore store, string storeKey, string? experiment)
    {
        var version = indexVersion();
        if (_forests.TryGetValue((storeKey, experiment), out var cached) && cached.Version == version)
        {
            return cached.Forest;
        }

        var forest = LineageForest.Build(store.GetExperimentRunParams(storeKey, experiment));
        if (_forests.Count >= MaxExperiments)
        {
            _forests.Clear();
        }

        _forests[(storeKey, experiment)] = (version, forest);
        return forest;
    }

    /// <summary>The lineage among the runs of the experiment that <paramref name="filter"/> selects, each under
    /// the earlier matching run it differs least from. <paramref name="filterText"/> (what the user typed,
    /// which <paramref name="filter"/> was compiled from) is the cache key.</summary>
    public LineageForest Get(IndexStore store, string storeKey, string? experiment, string filterText, CompiledFilter filter)
    {
        var version = indexVersion();
        var key = (storeKey, experiment, filterText.Trim());
        lock (_filteredLock)
        {
            Touch(key.Item3);
            if (_filtered.TryGetValue(key, out var cached) && cached.Version == version)
            {
                return cached.Forest;
            }
        }

        var forest = LineageForest.Build(store.GetExperimentRunParams(storeKey, experiment, filter));
        lock (_filteredLock)
        {
            if (_filtered.Count >= MaxExperiments)
            {
                _filtered.Clear();
            }

            // A filter dropped from the recent ones while this forest was built is not cached again.
            if (_recentFilters.Contains(key.Item3))
            {
                _filtered[key] = (version, forest);
            }
        }

        return forest;
    }

    /// <summary>How many filtered forests are held: for tests of the bound.</summary>
    public int FilteredCount
    {
        get
        {
            lock (_filteredLock)
            {
                return _filtered.Count;
            }
        }
    }

    /// <summary>Makes <paramref name="filter"/> the most recent, forgetting the forests of the oldest filter
    /// when more than <see cref="MaxFilters"/> are in use.</summary>
    private void Touch(string filter)
    {
        if (_recentFilters.Remove(filter))
        {
            _recentFilters.Add(filter);
            return;
        }

        _recentFilters.Add(filter);
        if (_recentFilters.Count > MaxFilters)
        {
            var oldest = _recentFilters[0];
            _recentFilters.RemoveAt(0);
            foreach (var stale in _filtered.Keys.Where(k => k.Filter == oldest).ToList())
            {
                _filtered.Remove(stale);
            }
        }
    }
}
