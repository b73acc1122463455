using System.Diagnostics;
using IdeTracker.Bench.Generation;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.TensorBoard;

namespace IdeTracker.Bench.Tfevents;

/// <summary>Parse throughput of the TensorBoard reader on one big event file: the file is generated once in the
/// bench's out folder (and reused), read once to warm the page cache and the JIT, then parsed several times
/// by the real reader, whole, as the indexer does on a cold scan.</summary>
internal static class TfeventsThroughput
{
    public const string Name = "tfevents";

    private const int Tags = 10;
    private const int Steps = 100_000;
    private const int Repeats = 7;

    public static TfeventsResult Run(BenchOptions options)
    {
        var root = Path.Combine(options.OutDirectory, Name);
        var generator = new TfeventsFileGenerator(Tags, Steps);
        var clock = Stopwatch.StartNew();
        var generated = GeneratedWorkspace.Ensure(root, generator);
        var folder = Path.Combine(root, TfeventsFileGenerator.RunFolder);
        var bytes = new FileInfo(Path.Combine(folder, TfeventsFileGenerator.FileName)).Length;
        Console.Error.WriteLine(generated
            ? $"[{Name}] generated {generator.Points:N0} points ({bytes / 1e6:F1} MB) in {clock.Elapsed.TotalSeconds:F1} s"
            : $"[{Name}] reusing {generator.Points:N0} points ({bytes / 1e6:F1} MB) in {root}");

        var reader = new TensorBoardRunReader();
        var unit = new RunUnit(UnitFormats.TensorBoardRun, folder, root, root);
        var points = Parse(reader, unit);
        var times = new List<double>();
        for (var i = 0; i < Repeats; i++)
        {
            GC.Collect();
            clock.Restart();
            points = Parse(reader, unit);
            times.Add(clock.Elapsed.TotalSeconds);
        }

        times.Sort();
        Console.Error.WriteLine($"[{Name}] parsed {Repeats} times: median {times[Repeats / 2]:F3} s, best {times[0]:F3} s");
        return new TfeventsResult(Name, bytes, generator.Points, points, Repeats, times[Repeats / 2], times[0]);
    }

    private static long Parse(TensorBoardRunReader reader, RunUnit unit)
    {
        var result = reader.Read(unit, CancellationToken.None);
        if (result.Problems.Count > 0)
        {
            throw new InvalidOperationException($"the generated file read with problems: {result.Problems[0].Format()}");
        }

        return result.Runs.Sum(r => r.Metrics.Values.Sum(p => (long)p.Count));
    }
}
