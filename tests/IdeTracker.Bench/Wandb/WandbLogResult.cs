namespace IdeTracker.Bench.Wandb;

/// <summary>The figures of the .wandb history benchmark. Times are seconds, the median of
/// <see cref="Repetitions"/> whole reads after one unmeasured warming read: wall-clock, and the process's CPU
/// time over the same reads (the read is single-threaded, so on a busy shared machine the CPU time is the
/// steadier figure; the garbage collector's threads count in it).</summary>
internal sealed record WandbLogResult(
    string Scenario,
    int Rows,
    int Keys,
    long Bytes,
    int Repetitions,
    double CatSeconds,
    double ParseSeconds,
    double BestParseSeconds,
    double ParseCpuSeconds,
    long RowsRead,
    long PointsRead,
    int Problems)
{
    public double Megabytes => Bytes / (1024.0 * 1024.0);

    public double MegabytesPerSecond => Megabytes / ParseSeconds;

    public double MegabytesPerCpuSecond => Megabytes / ParseCpuSeconds;

    public double RowsPerSecond => RowsRead / ParseSeconds;

    public double PointsPerSecond => PointsRead / ParseSeconds;

    public bool AllRead => RowsRead == Rows && PointsRead == (long)Rows * Keys && Problems == 0;
}
