namespace IdeTracker.Bench.Measurement;

/// <summary>One scenario's measurements, as the child process reports them on one JSON line.
/// Times are wall-clock seconds; the indexer's own <c>Elapsed</c> is kept beside them.</summary>
internal sealed record ScenarioResult(
    string Scenario,
    int ExpectedRuns,
    int Processors,
    int Files,
    long Bytes,
    double CatSeconds,
    double ColdSeconds,
    double ColdIndexerSeconds,
    int ColdUnitsSeen,
    int ColdUnitsRead,
    int ColdRunsWritten,
    double WarmSeconds,
    double WarmIndexerSeconds,
    int WarmUnitsSeen,
    int WarmUnitsRead,
    int WarmRunsWritten,
    double? PeakRssColdMb,
    double? PeakRssWarmMb,
    bool PeakRssPerPhase)
{
    public double RunsPerSecond => ColdRunsWritten / ColdSeconds;

    public double ColdOverCat => ColdSeconds / CatSeconds;

    public double WarmPercentOfCold => 100 * WarmSeconds / ColdSeconds;

    public double Megabytes => Bytes / (1024.0 * 1024.0);
}
