namespace IdeTracker.Bench.Series;

/// <summary>The chart-data and compare measurements: milliseconds per request over <see cref="Rounds"/>
/// rounds after a warm-up, the CPU time (all threads) per request, and what the chart request returned.</summary>
internal sealed record SeriesResult(
    string Scenario,
    int Runs,
    int Metrics,
    int StepsPerSeries,
    int Rounds,
    double WriteSeconds,
    double SeriesP50Ms,
    double SeriesP95Ms,
    double SeriesCpuMs,
    int SeriesReturned,
    int MaxPointsPerSeries,
    int CompareRuns,
    int CompareRunsReturned,
    double CompareP50Ms,
    double CompareP95Ms,
    double CompareCpuMs,
    int LineageRuns,
    double LineageP50Ms);
