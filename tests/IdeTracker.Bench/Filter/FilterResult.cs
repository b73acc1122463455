namespace IdeTracker.Bench.Filter;

/// <summary>The figures of the filter benchmark; <see cref="P95Ms"/> is over every timed query of every case.</summary>
internal sealed record FilterResult(
    string Scenario,
    int Runs,
    double WriteSeconds,
    double CatalogMs,
    IReadOnlyList<FilterCaseResult> Cases,
    double P50Ms,
    double P95Ms)
{
    public const double TargetP95Ms = 50;

    public bool Met => P95Ms <= TargetP95Ms;
}
