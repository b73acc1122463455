using System.Diagnostics;
using IdeTracker.Core.Index;
using IdeTracker.Server.Features.Compare;
using IdeTracker.Server.Features.RunTree;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Bench.Series;

/// <summary>The compare panel's requests on a big index, in this process: <c>metricSeries</c> for
/// 20 runs × 5 metrics × 100,000 steps (the DESIGN.md target) and <c>compare</c> of 500 runs, each through
/// the server's own builder, timed over <see cref="Rounds"/> rounds after <see cref="WarmUps"/> unmeasured ones;
/// and the lineage grouping of a 10,000-run experiment (read and worked out, as a tree request without cache does).
/// The index is written afresh each time (it is quick, and stale contents could not mislead).</summary>
internal static class SeriesBenchmark
{
    public const string Name = "series";

    private const int Rounds = 20;
    private const int WarmUps = 3;

    public static SeriesResult Run(BenchOptions options)
    {
        var root = Path.Combine(options.OutDirectory, Name);
        var indexPath = Path.Combine(root, "index.db");
        var workspace = Path.Combine(root, "ws");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(workspace);
        var clock = Stopwatch.StartNew();
        using var store = IndexStore.Open(indexPath, workspace, message => Console.Error.WriteLine($"[{Name}] {message}"));
        var ids = SeriesIndexWriter.Write(store, workspace);
        var writeSeconds = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"[{Name}] wrote {ids.Count:N0} runs, {SeriesIndexWriter.LongRuns * SeriesIndexWriter.Metrics:N0} series of {SeriesIndexWriter.Steps:N0} steps, in {writeSeconds:F1} s");

        var seriesRequest = new MetricSeriesParams { RunIds = [.. ids.Take(SeriesIndexWriter.LongRuns)], Keys = SeriesIndexWriter.MetricKeys };
        var seriesBuilder = new MetricSeriesBuilder(store, message => Console.Error.WriteLine($"[{Name}] {message}"));
        MetricSeriesResult? series = null;
        var (seriesTimes, seriesCpu) = Time(() => series = seriesBuilder.Build(seriesRequest, CancellationToken.None));

        var compareRequest = new CompareParams { RunIds = [.. ids.Take(SeriesIndexWriter.CompareRuns)] };
        var compareBuilder = new CompareBuilder(store, new MetricChoice("val_acc", true, false), DateTimeOffset.UtcNow);
        CompareResult? compare = null;
        var (compareTimes, compareCpu) = Time(() => compare = compareBuilder.Build(compareRequest));

        var (lineageTimes, _) = Time(() => LineageForest.Build(store.GetExperimentRunParams(SeriesIndexWriter.StoreKey, SeriesIndexWriter.LineageExperiment)), rounds: 5);
        var forest = LineageForest.Build(store.GetExperimentRunParams(SeriesIndexWriter.StoreKey, SeriesIndexWriter.LineageExperiment));

        Console.Error.WriteLine($"[{Name}] metricSeries p50 {Percentile(seriesTimes, 50):F1} ms, compare of {compareRequest.RunIds.Count} runs p50 {Percentile(compareTimes, 50):F1} ms");
        return new SeriesResult(
            Name,
            SeriesIndexWriter.LongRuns,
            SeriesIndexWriter.Metrics,
            SeriesIndexWriter.Steps,
            Rounds,
            writeSeconds,
            Percentile(seriesTimes, 50),
            Percentile(seriesTimes, 95),
            seriesCpu,
            series!.Series.Count,
            series.Series.Max(s => s.Values.Count),
            compareRequest.RunIds.Count,
            compare!.Runs.Count,
            Percentile(compareTimes, 50),
            Percentile(compareTimes, 95),
            compareCpu,
            forest.RunCount,
            Percentile(lineageTimes, 50));
    }

    /// <summary>Sorted wall times of each round, and the process's CPU time per round: on a machine other work
    /// shares, the CPU time says what the request costs when wall times are inflated by waiting for a core.</summary>
    private static (List<double> Times, double CpuMs) Time(Action request, int rounds = Rounds)
    {
        for (var i = 0; i < WarmUps; i++)
        {
            request();
        }

        var times = new List<double>(rounds);
        var clock = new Stopwatch();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (var i = 0; i < rounds; i++)
        {
            clock.Restart();
            request();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / rounds;
        times.Sort();
        return (times, cpuMs);
    }

    /// <summary>Nearest-rank percentile of sorted times.</summary>
    private static double Percentile(List<double> sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
