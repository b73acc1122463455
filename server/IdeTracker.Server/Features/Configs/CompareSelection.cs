using IdeTracker.Core.Configs;

namespace IdeTracker.Server.Features.Configs;

/// <summary>Which runs "compare" opens. Capped, because a compare panel of hundreds of columns says nothing.</summary>
public static class CompareSelection
{
    public const int MaxRuns = 50;

    public static IReadOnlyList<string> Cap(IReadOnlyList<string> runIds) =>
        runIds.Count <= MaxRuns ? runIds : [.. runIds.Take(MaxRuns)];

    /// <summary>A key's runs, best first as far as the results can tell: the best run of every value (best value
    /// first), then every value's second best, and so on. Each value's ids are already best first; ranking runs
    /// across values needs no more than the values' own order for the leaders.</summary>
    public static IReadOnlyList<string> ForKey(KeyResults results)
    {
        var ranked = Ranked(results).Select(v => v.RunIds).ToList();
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; ids.Count < MaxRuns && ranked.Any(r => r.Count > round); round++)
        {
            foreach (var runIds in ranked)
            {
                if (round < runIds.Count && ids.Count < MaxRuns && seen.Add(runIds[round]))
                {
                    ids.Add(runIds[round]);
                }
            }
        }

        return ids;
    }

    /// <summary>Values by their best run (by the metric's direction; without a value, last), then by how many runs used them.</summary>
    public static IEnumerable<ValueResult> Ranked(KeyResults results)
    {
        var higher = results.Metric?.HigherIsBetter ?? true;
        return results.Values
            .OrderBy(v => v.Best is { } b && !double.IsNaN(b) ? 0 : 1)
            .ThenBy(v => v.Best is { } b && !double.IsNaN(b) ? (higher ? -b : b) : 0)
            .ThenByDescending(v => v.Runs);
    }
}
