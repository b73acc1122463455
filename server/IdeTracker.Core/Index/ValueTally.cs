using IdeTracker.Core.Configs;

namespace IdeTracker.Core.Index;

/// <summary>The runs of one value, over all its spellings: totals as they are added, and the runs themselves
/// for ranking best first.</summary>
internal sealed class ValueTally(double? number)
{
    private readonly Dictionary<string, int> spellings = new(StringComparer.Ordinal);
    private int failed;
    private int withMetric;
    private double sum;

    public double? Number { get; } = number;

    public List<RunFacts> Runs { get; } = [];

    public double? Best { get; private set; }

    /// <summary>The spelling most of the value's runs used (the first by ordinal order on a tie).</summary>
    public string Text => spellings.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key;

    public void Add(string spelling, RunFacts run, bool higherIsBetter)
    {
        spellings[spelling] = spellings.GetValueOrDefault(spelling) + 1;
        Runs.Add(run);
        failed += run.Failed ? 1 : 0;
        if (run.Best is { } value)
        {
            withMetric++;
            sum += value;
            if (Best is not { } current || (higherIsBetter ? value > current : value < current))
            {
                Best = value;
            }
        }
    }

    /// <summary>The value's runs best first, at most <paramref name="limit"/>.</summary>
    public List<RunFacts> Top(int limit, bool higherIsBetter) => RunRanking.Top(Runs, limit, higherIsBetter);

    public ValueResult ToResult(List<RunFacts> top, IReadOnlyDictionary<long, RunBrief> briefs)
    {
        var bestRun = top.Count > 0 && top[0].Best is not null ? briefs[top[0].RunKey] : null;
        double? mean = withMetric > 0 ? sum / withMetric : null;
        return new ValueResult(Text, Number, Runs.Count, failed, Best, mean, bestRun, top.ConvertAll(r => briefs[r.RunKey].Id));
    }
}
