namespace IdeTracker.Core.Index;

/// <summary>Every run's best value of one main metric and whether it failed or was killed, read off two indexes
/// (<see cref="IndexStore.LoadRunResults"/>) into arrays indexed by run key (the index's integer row key, dense
/// from 1). A key most runs record is tallied against this instead of looking each of its runs up: that costs
/// the same per key, this once per index version.</summary>
public sealed class RunResultTable
{
    private readonly double[] best;
    private readonly bool[] failed;

    /// <param name="best">By run key: the run's best value, NaN when it has none.</param>
    internal RunResultTable(MetricChoice? metric, double[] best, bool[] failed)
    {
        Metric = metric;
        this.best = best;
        this.failed = failed;
    }

    public MetricChoice? Metric { get; }

    internal RunFacts Get(long runKey)
    {
        if (runKey < 0 || runKey >= best.Length)
        {
            return new RunFacts(runKey, false, null); // written after the table was read
        }

        var value = best[runKey];
        return new RunFacts(runKey, failed[runKey], double.IsNaN(value) ? null : value);
    }
}
