using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using IdeTracker.Bench.Measurement;
using IdeTracker.Core.Index;

namespace IdeTracker.Bench.Filter;

/// <summary>Filter + sort over <see cref="Runs"/> runs (DESIGN.md: ≤ 50 ms p95). The index is written once
/// through the store's writer and kept in the bench's out folder; each case then runs as the server runs
/// <c>ideTracker/query</c> (a count and one 500-run page), <see cref="Repetitions"/> times after warming up.</summary>
internal static class FilterBenchmark
{
    public const string Name = "filter";
    public const int Runs = 100_000;
    private const int Repetitions = 50;
    private const int WarmUps = 3;
    private const int PageSize = 500;
    private const string Format = "{0,-10} {1,-26} {2,-9} {3,-10} {4,-10} {5,-10} {6,-10} {7}";

    private static readonly FilterCase[] Cases =
    [
        new("numeric param range", "lr >= 0.0001 and lr < 0.001", null),
        new("text param or", "optimizer = adam or optimizer = sgd", null),
        new("in list + not", "model in (resnet-18, resnet-50) and not scheduler = none", null),
        new("source tag", "tag:baseline", null),
        new("tag key=value", "tag:team=nlp and status:finished", null),
        new("since", "since:7d", null),
        new("regex on name", "name ~ '^run-1[0-9]*7$'", null),
        new("metric, sort by metric", "val_acc > 0.85", "-val_acc"),
        new("all, sort by param", "", "lr"),
        new("issue example", "lr < 0.01 and (optimizer = adam or optimizer = sgd) and val_acc > 0.8 and tag:baseline and since:30d", "-val_acc"),
    ];

    /// <summary>Measures, prints the table and a JSON line. False when the index does not hold every run.</summary>
    public static bool Run(BenchOptions options, TextWriter output)
    {
        var workspace = Path.Combine(options.OutDirectory, Name);
        var indexPath = Path.Combine(options.OutDirectory, "index", Name + ".db");
        Directory.CreateDirectory(workspace);
        var writeSeconds = BenchIndex.Ensure(Name, indexPath, workspace, Runs, store => FilterIndexWriter.Write(store, Runs));

        // A fresh store has nothing cached: its first catalog read is what a query pays after each index change.
        using var store = IndexStore.Open(indexPath, workspace);
        var clock = Stopwatch.StartNew();
        store.GetFilterCatalog();
        var catalogMs = clock.Elapsed.TotalMilliseconds;

        var now = FilterIndexWriter.Newest + TimeSpan.FromHours(1);
        using var process = Process.GetCurrentProcess();
        var all = new List<double>();
        var results = new List<FilterCaseResult>();
        foreach (var @case in Cases)
        {
            var matched = 0;
            for (var i = 0; i < WarmUps; i++)
            {
                matched = Query(store, @case, now);
            }

            var times = new List<double>();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            for (var i = 0; i < Repetitions; i++)
            {
                clock.Restart();
                Query(store, @case, now);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            process.Refresh();
            var cpuMean = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / Repetitions;
            all.AddRange(times);
            results.Add(new FilterCaseResult(@case.Label, @case.Filter, @case.Sort, matched, Repetitions, BenchIndex.Percentile(times, 50), BenchIndex.Percentile(times, 95), times.Max(), cpuMean));
        }

        var runs = store.GetCounts(now, TimeSpan.Zero).Runs;
        var result = new FilterResult(Name, runs, writeSeconds, catalogMs, results, BenchIndex.Percentile(all, 50), BenchIndex.Percentile(all, 95));
        Print(output, result);
        output.WriteLine(JsonSerializer.Serialize(result, BenchJson.Options));
        return runs == Runs;
    }

    private static int Query(IndexStore store, FilterCase @case, DateTimeOffset now) =>
        store.QueryRuns(@case.Filter, @case.Sort, 0, PageSize, "val_acc", now).Total;

    private static void Print(TextWriter output, FilterResult r)
    {
        output.WriteLine();
        output.WriteLine($"{Name}: {r.Runs:N0} runs (10 params, 5 metrics) written straight into an index; each query is a count and one");
        output.WriteLine($"{PageSize}-run page, as ideTracker/query does, {Repetitions} times after {WarmUps} warm-ups, in this process.");
        output.WriteLine("CPU mean is the process's CPU time over a case's timed queries divided by their number: on a shared machine the");
        output.WriteLine("wall-clock figures include waiting for a core, the CPU figure does not.");
        output.WriteLine($"First key-catalog read of a fresh store (paid once per index change): {r.CatalogMs:F1} ms.");
        output.WriteLine();
        Row(output, "scenario", "query", "matched", "p50", "p95", "max", "CPU mean", "filter / sort");
        Row(output, new string('-', 10), new string('-', 26), new string('-', 9), new string('-', 10), new string('-', 10), new string('-', 10), new string('-', 10), new string('-', 13));
        foreach (var c in r.Cases)
        {
            Row(output, Name, c.Label, c.Matched.ToString("N0", CultureInfo.InvariantCulture), Ms(c.P50Ms), Ms(c.P95Ms), Ms(c.MaxMs), Ms(c.CpuMeanMs),
                (c.Filter.Length == 0 ? "(all)" : c.Filter) + (c.Sort is null ? "" : $"  sort {c.Sort}"));
        }

        Row(output, Name, "overall", "", Ms(r.P50Ms), Ms(r.P95Ms), "", "", $"target p95 ≤ {FilterResult.TargetP95Ms:N0} ms: {(r.Met ? "met" : "NOT met")}");
    }

    private static string Ms(double ms) => ms.ToString("F1", CultureInfo.InvariantCulture) + " ms";

    private static void Row(TextWriter output, params object?[] cells) =>
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, Format, cells).TrimEnd());
}
