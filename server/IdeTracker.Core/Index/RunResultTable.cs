namespace IdeTracker.Core.Index;

/// <summary>Every run's best value of one main metric and the runs that failed or were killed, read off two
/// indexes (<see cref="IndexStore.LoadRunResults"/>). A key most runs record is tallied against this instead of
/// looking each of its runs up: that costs the same per key, this once per index version.</summary>
public sealed class RunResultTable
{
    private readonly Dictionary<long, double?> best;
    private readonly HashSet<long> failed;

    internal RunResultTable(MetricChoice? metric, Dictionary<long, double?> best, HashSet<long> failed)
    {
        Metric = metric;
        this.best = best;
        this.failed = failed;
    }

    public MetricChoice? Metric { get; }

    /// <summary>Runs with a value of the metric.</summary>
    public int Count => best.Count;

    internal RunFacts Get(long runKey) => new(runKey, failed.Contains(runKey), best.GetValueOrDefault(runKey));
}
