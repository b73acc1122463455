namespace IdeTracker.Bench.Live;

/// <summary>What the live measurement found: how long after each appended line the server's runsChanged naming the
/// run arrived, in milliseconds, or why there are no figures.</summary>
internal sealed record LiveLatencyResult(
    int Runs,
    int Appends,
    int Arrived,
    double ReadySeconds,
    double P50Ms,
    double P95Ms,
    double MaxMs,
    string? Error = null)
{
    public static LiveLatencyResult Failed(int runs, string error) => new(runs, 0, 0, 0, 0, 0, 0, error);

    /// <summary>Nearest-rank percentiles of the latencies that arrived.</summary>
    public static LiveLatencyResult Of(int runs, int appends, double readySeconds, IReadOnlyList<double> latenciesMs)
    {
        var sorted = latenciesMs.Order().ToArray();
        double Rank(double percent) => sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(percent / 100 * sorted.Length) - 1)];
        return new LiveLatencyResult(runs, appends, sorted.Length, readySeconds, Rank(50), Rank(95), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }
}
