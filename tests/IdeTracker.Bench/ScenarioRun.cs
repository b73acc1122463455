using IdeTracker.Bench.Measurement;

namespace IdeTracker.Bench;

/// <summary>What the parent got back for one scenario: the child's result, or why there is none.</summary>
internal sealed record ScenarioRun(BenchScenario Scenario, ScenarioResult? Result, string? Error);
