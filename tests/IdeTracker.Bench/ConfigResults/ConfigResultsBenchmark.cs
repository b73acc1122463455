using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using IdeTracker.Core.Configs;
using IdeTracker.Bench.Measurement;
using IdeTracker.Core.Index;

namespace IdeTracker.Bench.ConfigResults;

/// <summary>What a hover and a file's code lens ask of <see cref="Core.Configs.ConfigResults"/> with
/// <see cref="Runs"/> runs indexed (DESIGN.md: hover ≤ 20 ms p95): one entry on a key every run records (ten
/// values), one on a key a handful of runs record, and a ten-key document. Uncached calls move the index version
/// before each call, as a live run does; cached calls repeat the same question.</summary>
internal static class ConfigResultsBenchmark
{
    public const string Name = "config-results";
    public const int Runs = 100_000;
    private const int UncachedRepetitions = 20;
    private const int CachedRepetitions = 200;
    private const int WarmUps = 2;
    private const string Format = "{0,-15} {1,-26} {2,-8} {3,-24} {4,-13} {5,-20} {6}";

    public static bool Run(BenchOptions options, TextWriter output)
    {
        var workspace = Path.Combine(options.OutDirectory, Name);
        var indexPath = Path.Combine(options.OutDirectory, "index", Name + ".db");
        Directory.CreateDirectory(workspace);
        var writeSeconds = BenchIndex.Ensure(Name, indexPath, workspace, Runs, store => ConfigResultsIndexWriter.Write(store, Runs));

        using var store = IndexStore.Open(indexPath, workspace);
        var version = 0;
        var metric = new MetricChoice("val_acc", HigherIsBetter: true, Configured: false);
        var results = new Core.Configs.ConfigResults(store, () => metric, () => version);
        var common = Entry(0, ConfigResultsIndexWriter.CommonKey, "0.001");
        var rare = Entry(0, ConfigResultsIndexWriter.RareKey, "true");
        var document = new ConfigDocument(
            ConfigSyntax.Yaml,
            [.. ConfigResultsIndexWriter.DocumentKeys.Select((key, line) => Entry(line, key, ConfigResultsIndexWriter.DocumentValues[line]))]);

        var runTable = Times(UncachedRepetitions, () => store.LoadRunResults(metric));
        var table = store.LoadRunResults(metric);
        var valuesOnly = Times(UncachedRepetitions, () => store.GetValueResults(ValueSource.Param, ConfigResultsIndexWriter.CommonKey, metric, () => table));
        var cases = new List<ConfigResultsCase>
        {
            Measure("entry, key on every run", () => results.ForEntry(common).Runs, () => version++),
            Measure("entry, rare key", () => results.ForEntry(rare).Runs, () => version++),
            Measure("document of 10 keys", () => results.ForDocument(document).Runs, () => version++),
        };

        var result = new ConfigResultsResult(Name, store.GetCounts(DateTimeOffset.UtcNow, TimeSpan.Zero).Runs, writeSeconds, BenchIndex.Percentile(runTable, 50), BenchIndex.Percentile(valuesOnly, 50), BenchIndex.Percentile(valuesOnly, 95), cases);
        Print(output, result);
        output.WriteLine(JsonSerializer.Serialize(result, BenchJson.Options));
        return result.Runs == Runs && cases[0].Runs == Runs;
    }

    private static ConfigResultsCase Measure(string label, Func<int> call, Action moveVersion)
    {
        var runs = 0;
        for (var i = 0; i < WarmUps; i++)
        {
            moveVersion();
            runs = call();
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var uncached = Times(UncachedRepetitions, () => call(), before: moveVersion);
        process.Refresh();
        var cpuMean = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / UncachedRepetitions;
        call();
        var cached = Times(CachedRepetitions, () => call());
        return new ConfigResultsCase(label, runs, BenchIndex.Percentile(uncached, 50), BenchIndex.Percentile(uncached, 95), cpuMean, BenchIndex.Percentile(cached, 50), BenchIndex.Percentile(cached, 95));
    }

    private static List<double> Times(int repetitions, Action call, Action? before = null)
    {
        var times = new List<double>(repetitions);
        var clock = new Stopwatch();
        for (var i = 0; i < repetitions; i++)
        {
            before?.Invoke();
            clock.Restart();
            call();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static ConfigEntry Entry(int line, string dotted, string value) =>
        new(dotted.Split('.'), TextSpan.OnLine(line, 0, dotted.Length), TextSpan.OnLine(line, dotted.Length + 2, dotted.Length + 2 + value.Length), value, ConfigEntryKind.Scalar);

    private static void Print(TextWriter output, ConfigResultsResult r)
    {
        output.WriteLine();
        output.WriteLine($"{Name}: {r.Runs:N0} runs written straight into an index; ConfigResults in this process. Uncached: the index");
        output.WriteLine($"version moves before each of {UncachedRepetitions} calls (catalog and results read again); cached: {CachedRepetitions} repeats.");
        output.WriteLine($"Run table (failed or killed, best main metric, of every run), read once per version for keys of > {IndexStore.DirectFactsLimit:N0} runs: {Ms(r.RunTableP50Ms)} p50.");
        output.WriteLine($"Values of the key every run records, run table already read (a new key at the same version): {Ms(r.ValuesP50Ms)} p50, {Ms(r.ValuesP95Ms)} p95.");
        output.WriteLine();
        output.WriteLine("CPU mean is the process's CPU time over the uncached calls divided by their number: on a shared machine the");
        output.WriteLine("wall-clock figures include waiting for a core, the CPU figure does not.");
        output.WriteLine();
        Row(output, "scenario", "call", "runs", "uncached p50 / p95", "uncached CPU", "cached p50 / p95", "");
        foreach (var c in r.Cases)
        {
            var verdict = c.Label.StartsWith("entry", StringComparison.Ordinal)
                ? $"hover target p95 ≤ {ConfigResultsResult.HoverTargetP95Ms:N0} ms uncached: {(c.UncachedP95Ms <= ConfigResultsResult.HoverTargetP95Ms ? "met" : "NOT met")}"
                : "";
            Row(output, Name, c.Label, c.Runs.ToString("N0", CultureInfo.InvariantCulture),
                $"{Ms(c.UncachedP50Ms)} / {Ms(c.UncachedP95Ms)}", Ms(c.UncachedCpuMeanMs), $"{Ms(c.CachedP50Ms)} / {Ms(c.CachedP95Ms)}", verdict);
        }
    }

    private static string Ms(double ms) => ms.ToString("F2", CultureInfo.InvariantCulture) + " ms";

    private static void Row(TextWriter output, params object?[] cells) =>
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, Format, cells).TrimEnd());
}
