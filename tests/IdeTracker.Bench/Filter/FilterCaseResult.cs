namespace IdeTracker.Bench.Filter;

/// <summary>Milliseconds per query (count + one 500-run page) over <see cref="Repetitions"/> timed runs: wall-clock
/// percentiles, and the process's CPU time over all of them divided by their number (steadier on a busy machine).</summary>
internal sealed record FilterCaseResult(string Label, string Filter, string? Sort, int Matched, int Repetitions, double P50Ms, double P95Ms, double MaxMs, double CpuMeanMs);
