using IdeTracker.Bench.Measurement;

namespace IdeTracker.Bench.Reporting;

/// <summary>The targets of DESIGN.md's "Performance" section that these scenarios measure, plus the
/// correctness checks without which the timings mean nothing.</summary>
internal static class Targets
{
    /// <summary>MLflow's own file-store reader at its best on a 2-core machine (DESIGN.md anchor).</summary>
    public const double MlflowReaderRunsPerSecond = 1_700;

    public const double ColdRunsPerSecond = 10 * MlflowReaderRunsPerSecond;

    public const double ColdOverCat = 2;

    public const double WarmPercentOfCold = 5;

    public static IReadOnlyList<TargetCheck> For(BenchScenario scenario, ScenarioResult result)
    {
        var checks = new List<TargetCheck>
        {
            new("runsIndexed", "runs indexed (cold)", $"{result.ColdRunsWritten:N0} of {result.ExpectedRuns:N0}", "all generated",
                result.ColdRunsWritten == result.ExpectedRuns, MustHold: true),
            new("warmUnitsRead", "units read (warm)", $"{result.WarmUnitsRead:N0} of {result.WarmUnitsSeen:N0} seen", "0",
                result.WarmUnitsRead == 0, MustHold: true),
        };
        if (scenario.HasThroughputTarget)
        {
            checks.Add(new("coldRunsPerSecond", "cold throughput", $"{result.RunsPerSecond:N0} runs/s",
                $"≥ {ColdRunsPerSecond:N0} runs/s (10× MLflow's {MlflowReaderRunsPerSecond:N0})",
                result.RunsPerSecond >= ColdRunsPerSecond, MustHold: false));
        }

        checks.Add(new("coldOverCat", "cold / cat", $"{result.ColdOverCat:F2}×", $"≤ {ColdOverCat:N0}×",
            result.ColdOverCat <= ColdOverCat, MustHold: false));
        checks.Add(new("warmPercentOfCold", "warm / cold", $"{result.WarmPercentOfCold:F1} %", $"≤ {WarmPercentOfCold:N0} %",
            result.WarmPercentOfCold <= WarmPercentOfCold, MustHold: false));
        return checks;
    }
}
