using IdeTracker.Core.Configs;

namespace IdeTracker.Core.Index;

/// <summary>The totals of one value summed over its spellings, and the best runs of each spelling, merged into
/// the value's best runs.</summary>
internal sealed class ValueTally(double? number)
{
    private readonly Dictionary<string, int> spellings = new(StringComparer.Ordinal);
    private int runs;
    private int failed;
    private int withMetric;
    private double sum;
    private double? best;

    public double? Number { get; } = number;

    public List<RankedRun> Ranked { get; } = [];

    /// <summary>The spelling most of the value's runs used (the first by ordinal order on a tie).</summary>
    public string Text => spellings.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key;

    public void AddSpelling(string spelling, int count, int failedCount, int metricCount, double? metricSum, double? max, double? min, MetricChoice? metric)
    {
        spellings[spelling] = spellings.GetValueOrDefault(spelling) + count;
        runs += count;
        failed += failedCount;
        withMetric += metricCount;
        sum += metricSum ?? 0;
        var higher = metric?.HigherIsBetter ?? true;
        if ((higher ? max : min) is { } candidate && (best is not { } current || (higher ? candidate > current : candidate < current)))
        {
            best = candidate;
        }
    }

    public ValueResult ToResult(MetricChoice? metric)
    {
        var higher = metric?.HigherIsBetter ?? true;
        var ranked = Ranked
            .OrderBy(r => r.Brief.Metric is null)
            .ThenBy(r => r.Brief.Metric is { } v ? (higher ? -v : v) : 0)
            .ThenByDescending(r => r.StartMs ?? long.MinValue)
            .ThenByDescending(r => r.RunKey)
            .Take(IndexStore.MaxRunIdsPerValue)
            .ToList();
        var bestRun = ranked.Count > 0 && ranked[0].Brief.Metric is not null ? ranked[0].Brief : null;
        double? mean = withMetric > 0 ? sum / withMetric : null;
        return new ValueResult(Text, Number, runs, failed, best, mean, bestRun, ranked.ConvertAll(r => r.Brief.Id));
    }
}
