namespace IdeTracker.Bench.Measurement;

/// <summary>What reading every file of a workspace once took.</summary>
internal sealed record CatResult(int Files, long Bytes, TimeSpan Elapsed);
