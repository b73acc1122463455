namespace IdeTracker.Bench.Tfevents;

/// <summary>The tfevents parse measurement: one file, parsed <see cref="Repeats"/> times after a warm-up; the
/// figures use the median time.</summary>
internal sealed record TfeventsResult(
    string Scenario,
    long Bytes,
    long ExpectedPoints,
    long PointsRead,
    int Repeats,
    double MedianSeconds,
    double BestSeconds)
{
    public double MegabytesPerSecond => Bytes / (1024.0 * 1024.0) / MedianSeconds;

    public double PointsPerSecond => PointsRead / MedianSeconds;
}
