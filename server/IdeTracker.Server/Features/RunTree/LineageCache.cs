using System.Collections.Concurrent;
using IdeTracker.Core.Index;

namespace IdeTracker.Server.Features.RunTree;

/// <summary>Lineage forests per experiment, kept until the index changes (<paramref name="indexVersion"/>
/// moves on), so paging through a huge experiment works the forest out once. At most
/// <see cref="MaxExperiments"/> are kept.</summary>
public sealed class LineageCache(Func<int> indexVersion)
{
    public const int MaxExperiments = 64;

    private readonly ConcurrentDictionary<(string Store, string? Experiment), (int Version, LineageForest Forest)> _forests = new();

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
}
