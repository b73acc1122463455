using System.Diagnostics;
using System.Text.Json;
using IdeTracker.Bench.Generation;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Wandb;

namespace IdeTracker.Bench.Wandb;

/// <summary>How fast the W&amp;B reader gets the history out of a large .wandb log: a generated run of
/// <see cref="DefaultRows"/> rows × 5 keys (kept in the bench's out folder and reused), read whole by the real
/// reader in this process. DESIGN.md sets no target for it; its tfevents target (≥ 100 MB/s) is the nearest
/// yardstick for parsing a framed protobuf log and is shown beside it, for reference only.</summary>
internal static class WandbLogBenchmark
{
    public const string Name = "wandb-log";
    public const int DefaultRows = 200_000;
    public const double TfeventsMegabytesPerSecond = 100;

    private const int Repetitions = 5;
    private const string Format = "{0,-10} {1,-24} {2,-30} {3,-40} {4}";

    /// <summary>Generates (or reuses) the log, measures, prints the table rows and a JSON line. False when the
    /// reader did not read every row, which makes the benchmark fail like a wrong run count does.</summary>
    public static bool Run(BenchOptions options, TextWriter output)
    {
        var workspace = Path.Combine(options.OutDirectory, Name);
        var generator = new WandbLogGenerator(DefaultRows);
        var clock = Stopwatch.StartNew();
        var generated = GeneratedWorkspace.Ensure(workspace, generator);
        Console.Error.WriteLine(generated
            ? $"[{Name}] generated {DefaultRows:N0} history rows in {workspace} ({clock.Elapsed.TotalSeconds:F1} s)"
            : $"[{Name}] reusing {DefaultRows:N0} history rows in {workspace}");

        var result = Measure(workspace, generator);
        Print(output, result);
        output.WriteLine(JsonSerializer.Serialize(result, BenchJson.Options));
        return result.AllRead;
    }

    private static WandbLogResult Measure(string workspace, WandbLogGenerator generator)
    {
        var log = WandbLogGenerator.LogPath(workspace);
        var folder = Path.GetDirectoryName(log)!;
        var unit = new RunUnit(UnitFormats.WandbRun, folder, Path.GetDirectoryName(folder)!, workspace);
        var reader = new WandbRunReader();
        var bytes = new FileInfo(log).Length;

        // Warm the page cache and the JIT; neither is what is measured.
        var catSeconds = Cat(log);
        var result = reader.Read(unit, CancellationToken.None);
        catSeconds = Math.Min(catSeconds, Cat(log));

        var times = new List<double>();
        var cpuTimes = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < Repetitions; i++)
        {
            GC.Collect();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            result = reader.Read(unit, CancellationToken.None);
            times.Add(clock.Elapsed.TotalSeconds);
            process.Refresh();
            cpuTimes.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
        }

        times.Sort();
        cpuTimes.Sort();
        var run = result.Runs.SingleOrDefault();
        return new WandbLogResult(
            Name,
            generator.Rows,
            WandbLogGenerator.Keys,
            bytes,
            Repetitions,
            catSeconds,
            times[times.Count / 2],
            times[0],
            cpuTimes[cpuTimes.Count / 2],
            run?.Metrics.GetValueOrDefault("train/loss")?.Count ?? 0,
            run?.Metrics.Values.Sum(s => (long)s.Count) ?? 0,
            result.Problems.Count);
    }

    private static double Cat(string path)
    {
        var buffer = new byte[1 << 20];
        var clock = Stopwatch.StartNew();
        using var handle = File.OpenHandle(path);
        long offset = 0;
        int read;
        while ((read = RandomAccess.Read(handle, buffer, offset)) > 0)
        {
            offset += read;
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static void Print(TextWriter output, WandbLogResult r)
    {
        output.WriteLine();
        output.WriteLine($"{Name}: one .wandb log read whole by WandbRunReader in this process, median of {r.Repetitions} reads after a warming read;");
        output.WriteLine("CPU is the process's CPU time over the read (single-threaded), steadier than wall time on a busy machine.");
        output.WriteLine("DESIGN.md has no target for it; the tfevents target (≥ 100 MB/s) is shown for reference, not as a verdict.");
        output.WriteLine();
        Row(output, "scenario", "measure", "value", "reference", "verdict");
        Row(output, new string('-', 10), new string('-', 24), new string('-', 30), new string('-', 40), new string('-', 7));
        Row(output, Name, "log", $"{r.Rows:N0} rows × {r.Keys} keys, {r.Megabytes:F1} MB", "", "");
        Row(output, Name, "cat (read once)", $"{r.CatSeconds:F3} s ({r.Megabytes / r.CatSeconds:N0} MB/s)", "", "");
        Row(output, Name, "parse (wall)", $"{r.ParseSeconds:F3} s (best {r.BestParseSeconds:F3} s)", "", "");
        Row(output, Name, "parse (CPU)", $"{r.ParseCpuSeconds:F3} s", "", "");
        Row(output, Name, "throughput (wall)", $"{r.MegabytesPerSecond:N0} MB/s", $"tfevents: ≥ {TfeventsMegabytesPerSecond:N0} MB/s", "n/a");
        Row(output, Name, "throughput (CPU)", $"{r.MegabytesPerCpuSecond:N0} MB/CPU-s", "", "");
        Row(output, Name, "history rows/s", $"{r.RowsPerSecond:N0} rows/s", "", "");
        Row(output, Name, "points/s", $"{r.PointsPerSecond:N0} points/s", "", "");
        Row(output, Name, "rows read", $"{r.RowsRead:N0} of {r.Rows:N0}", "all generated, no problems", r.AllRead ? "met" : "NOT met");
        Row(output, Name, "problems", $"{r.Problems}", "", "");
    }

    private static void Row(TextWriter output, params object?[] cells) =>
        output.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, Format, cells).TrimEnd());
}
