namespace IdeTracker.Bench.Reporting;

/// <summary>One figure compared with what it should be.</summary>
/// <param name="Key">camelCase name in the JSON summary.</param>
/// <param name="MustHold">A correctness check: when it fails the benchmark exits non-zero. Performance targets
/// are only reported.</param>
internal sealed record TargetCheck(string Key, string Measure, string Value, string Target, bool Met, bool MustHold)
{
    public string Verdict => Met ? "met" : "NOT met";
}
