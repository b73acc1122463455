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
    /// across values needs no more than the values' own order for the leaders. With more values than the cap only
    /// the leading values can contribute, so only they are ranked (a key like a seed has a value per run).</summary>
    public static IReadOnlyList<string> ForKey(KeyResults results)
    {
        var ranked = Leaders(results).Select(v => v.RunIds).ToList();
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; ids.Count < MaxRuns && ranked.Any(r => r.Count > round); round++)
        {
            foreach (var runIds in ranked)
            {
                if (ids.Count == MaxRuns)
                {
                    break;
                }

                if (round < runIds.Count && seen.Add(runIds[round]))
                {
                    ids.Add(runIds[round]);
                }
            }
        }

        return ids;
    }

    /// <summary>Values with runs by their best run (by the metric's direction; without a value, last), then by how
    /// many runs used them, then as listed; at most <see cref="MaxRuns"/> of them.</summary>
    public static IReadOnlyList<ValueResult> Leaders(KeyResults results)
    {
        var higher = results.Metric?.HigherIsBetter ?? true;
        var worstFirst = Comparer<Rank>.Create((a, b) => b.CompareTo(a));
        var leaders = new PriorityQueue<ValueResult, Rank>(MaxRuns + 1, worstFirst);
        var order = 0;
        foreach (var value in results.Values)
        {
            if (value.RunIds.Count == 0)
            {
                continue;
            }

            var rank = new Rank(value.Best is { } b && !double.IsNaN(b) ? (higher ? -b : b) : double.NaN, value.Runs, order++);
            if (leaders.Count < MaxRuns)
            {
                leaders.Enqueue(value, rank);
            }
            else if (leaders.TryPeek(out _, out var worst) && rank.CompareTo(worst) < 0)
            {
                leaders.EnqueueDequeue(value, rank);
            }
        }

        var kept = new ValueResult[leaders.Count];
        for (var i = kept.Length - 1; leaders.TryDequeue(out var value, out _); i--)
        {
            kept[i] = value;
        }

        return kept;
    }

    /// <summary>Smaller is better: a finite score (already signed by the metric's direction) before none, more runs
    /// first, then the order the values were listed in.</summary>
    private readonly record struct Rank(double Score, int Runs, int Order) : IComparable<Rank>
    {
        public int CompareTo(Rank other)
        {
            var scored = double.IsNaN(Score).CompareTo(double.IsNaN(other.Score));
            if (scored != 0)
            {
                return scored;
            }

            var byScore = double.IsNaN(Score) ? 0 : Score.CompareTo(other.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byRuns = other.Runs.CompareTo(Runs);
            return byRuns != 0 ? byRuns : Order.CompareTo(other.Order);
        }
    }
}
