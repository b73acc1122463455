namespace IdeTracker.Bench.ConfigResults;

/// <summary>The figures of the config-results benchmark. DESIGN.md's hover target (≤ 20 ms p95) is the bar for
/// <see cref="ForEntry"/>-style cases; a document's results feed a lazily resolved code lens.</summary>
internal sealed record ConfigResultsResult(string Scenario, int Runs, double WriteSeconds, double RunTableP50Ms, IReadOnlyList<ConfigResultsCase> Cases)
{
    public const double HoverTargetP95Ms = 20;
}
