using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using IdeTracker.Bench.ConfigResults;
using IdeTracker.Bench.Filter;
using IdeTracker.Bench.Measurement;
using IdeTracker.Core.Configs;
using IdeTracker.Core.Index;
using IdeTracker.Server.Features.Configs;
using IdeTracker.Server.Protocol;
using Range = IdeTracker.Server.Protocol.Range;

namespace IdeTracker.Bench.ConfigRequests;

/// <summary>Hover, code lens (list and resolve of every lens) and inlay hints on a config file, as the server's
/// handlers answer them (parsed document, results, card text), with 100,000 runs indexed. Two indexes: the
/// config-results one (ten keys every run records, a handful of values each) under a nested params.yaml, and the
/// filter one, whose <c>lr</c> and <c>seed</c> take up to 100,000 distinct values, under a flat one.
/// "Uncached" moves the index version before each request, as a new or live run does; "cached" repeats.</summary>
internal static class ConfigRequestsBenchmark
{
    public const string Name = "config-requests";
    private const int UncachedRepetitions = 20;
    private const int CachedRepetitions = 100;
    private const int Writes = 5;
    private const string Format = "{0,-16} {1,-15} {2,-22} {3,-22} {4,-22} {5}";

    private const string NestedYaml = """
        optimizer:
          lr: 1e-3
          name: adam
          weight_decay: 1e-4
        model:
          name: resnet-50
          dropout: 0.1
        data:
          batch_size: 64
          augment: true
        trainer:
          epochs: 50
          precision: 16
        seed: 3
        """;

    private const string FlatYaml = """
        lr: 0.001
        seed: 42
        optimizer: adam
        batch_size: 64
        model: resnet-50
        """;

    public static bool Run(BenchOptions options, TextWriter output)
    {
        var cases = new List<ConfigRequestCase>();
        var rebuilds = new List<ConfigRebuildCase>();
        var runs = Measure(options, ConfigResultsBenchmark.Name, ConfigResultsBenchmark.Runs, ConfigResultsIndexWriter.Write, NestedYaml, cases, rebuilds);
        runs = Math.Min(runs, Measure(options, FilterBenchmark.Name, FilterBenchmark.Runs, FilterIndexWriter.Write, FlatYaml, cases, rebuilds));
        var result = new ConfigRequestsResult(Name, runs, cases, rebuilds);
        Print(output, result);
        output.WriteLine(JsonSerializer.Serialize(result, BenchJson.Options));
        return runs == ConfigResultsBenchmark.Runs;
    }

    private static int Measure(BenchOptions options, string indexName, int runs, Action<IndexStore, int> write, string yaml, List<ConfigRequestCase> cases, List<ConfigRebuildCase> rebuilds)
    {
        var workspace = Path.Combine(options.OutDirectory, indexName);
        var indexPath = Path.Combine(options.OutDirectory, "index", indexName + ".db");
        Directory.CreateDirectory(workspace);
        BenchIndex.Ensure(indexName, indexPath, workspace, runs, store => write(store, runs));
        using var store = IndexStore.Open(indexPath, workspace);
        var version = 0;
        var metric = PrimaryMetric.Choose(store.GetMetricKeyCounts(), null, null);
        var insights = new ConfigInsights(new Core.Configs.ConfigResults(store, () => metric, () => version), () => metric, workspace);
        var document = ConfigParser.Parse(yaml, ConfigSyntax.Yaml);
        var values = document.Entries.Where(e => e.ValueSpan is not null).Select(e => e.ValueSpan!.Value).ToList();
        var uri = "file://" + Path.Combine(workspace, "params.yaml");
        var now = DateTimeOffset.UtcNow;
        var whole = new Range(new Position(0, 0), new Position(document.Entries.Count + 1, 0));
        var next = 0;

        object Hover()
        {
            var at = values[next++ % values.Count];
            return insights.Hover(document, new Position(at.Line, at.Character + 1), now) ?? throw new InvalidOperationException($"no hover at line {at.Line}");
        }

        object Lenses() => insights.CodeLenses(document, uri, 1).Select(lens => insights.Resolve(lens, document, now)).ToList();
        object Hints() => insights.InlayHints(document, whole);

        foreach (var (label, request) in new (string, Func<object>)[] { ("hover", Hover), ("code lenses", Lenses), ("inlay hints", Hints) })
        {
            request();
            var uncached = Times(UncachedRepetitions, request, () => version++);
            // Every value once at the current version, so the cached figures are all cache hits.
            for (var i = 0; i < values.Count; i++)
            {
                request();
            }

            var cached = Times(CachedRepetitions, request, null);
            cases.Add(new ConfigRequestCase(indexName, label, label == "hover" ? values.Count : 1,
                BenchIndex.Percentile(uncached, 50), BenchIndex.Percentile(uncached, 95), BenchIndex.Percentile(cached, 50), BenchIndex.Percentile(cached, 95)));
        }

        rebuilds.Add(AfterWrites(indexName, store, metric, workspace, document, values, uri, now));
        return store.GetCounts(now, TimeSpan.Zero).Runs;
    }

    /// <summary>Results kept as the server keeps them (<see cref="ConfigFeature.MaxStaleness"/>): the index version
    /// moves as a write does, a hover comes at once, and the rebuild is timed until it swapped in.</summary>
    private static ConfigRebuildCase AfterWrites(string indexName, IndexStore store, MetricChoice? metric, string workspace, ConfigDocument document,
        List<TextSpan> values, string uri, DateTimeOffset now)
    {
        var version = 0;
        var results = new Core.Configs.ConfigResults(store, () => metric, () => Volatile.Read(ref version), ConfigFeature.MaxStaleness);
        var insights = new ConfigInsights(results, () => metric, workspace);
        foreach (var lens in insights.CodeLenses(document, uri, 1))
        {
            insights.Resolve(lens, document, now);
        }

        var hovers = new List<double>();
        var rebuildTimes = new List<double>();
        var clock = new Stopwatch();
        for (var write = 0; write < Writes; write++)
        {
            using var swapped = new SemaphoreSlim(0);
            void OnRefreshed() => swapped.Release();
            results.Refreshed += OnRefreshed;
            Interlocked.Increment(ref version);
            var moved = Stopwatch.StartNew();
            var at = values[write % values.Count];
            clock.Restart();
            insights.Hover(document, new Position(at.Line, at.Character + 1), now);
            hovers.Add(clock.Elapsed.TotalMilliseconds);
            if (!swapped.Wait(TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException($"[{Name}] no rebuild swapped in within 60 s on {indexName}");
            }

            rebuildTimes.Add(moved.Elapsed.TotalMilliseconds);
            results.Refreshed -= OnRefreshed;

            // Rebuilds start at most once per interval; waiting it out makes the next one start at the write.
            Thread.Sleep(Core.Configs.ConfigResults.MinRebuildInterval);
        }

        return new ConfigRebuildCase(indexName, Writes, BenchIndex.Percentile(hovers, 50), BenchIndex.Percentile(hovers, 95),
            BenchIndex.Percentile(rebuildTimes, 50), BenchIndex.Percentile(rebuildTimes, 95));
    }

    private static List<double> Times(int repetitions, Func<object> request, Action? before)
    {
        var times = new List<double>(repetitions);
        var clock = new Stopwatch();
        for (var i = 0; i < repetitions; i++)
        {
            before?.Invoke();
            clock.Restart();
            request();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static void Print(TextWriter output, ConfigRequestsResult r)
    {
        output.WriteLine();
        output.WriteLine($"{Name}: hover (each value in turn), code lenses (list + resolve of every lens) and inlay hints (whole file) as the");
        output.WriteLine($"server's handlers answer them, in this process, {r.Runs:N0} runs per index. Uncached: the index version moves before each of");
        output.WriteLine($"{UncachedRepetitions} requests (what the first request after a new or live run's write pays); cached: {CachedRepetitions} repeats.");
        output.WriteLine();
        Row(output, "index", "request", "uncached p50 / p95", "cached p50 / p95", "", "");
        foreach (var c in r.Cases)
        {
            var verdict = c.Request == "hover"
                ? $"hover p95 ≤ {ConfigRequestsResult.HoverTargetP95Ms:N0} ms: cached {Verdict(c.CachedP95Ms)}, uncached {Verdict(c.UncachedP95Ms)}"
                : "";
            Row(output, c.Index, c.Request, $"{Ms(c.UncachedP50Ms)} / {Ms(c.UncachedP95Ms)}", $"{Ms(c.CachedP50Ms)} / {Ms(c.CachedP95Ms)}", verdict, "");
        }

        output.WriteLine();
        output.WriteLine($"As the server keeps results (older ones answer for up to {ConfigFeature.MaxStaleness.TotalSeconds:N0} s while one background rebuild reads again):");
        output.WriteLine($"a hover right after each of {Writes} writes, and the rebuild's reading time until the new results swapped in.");
        Row(output, "index", "writes", "hover p50 / p95", "rebuild p50 / p95", "", "");
        foreach (var b in r.Rebuilds)
        {
            Row(output, b.Index, b.Writes, $"{Ms(b.HoverP50Ms)} / {Ms(b.HoverP95Ms)}", $"{Ms(b.RebuildP50Ms)} / {Ms(b.RebuildP95Ms)}",
                $"hover p95 ≤ {ConfigRequestsResult.HoverTargetP95Ms:N0} ms after a write: {Verdict(b.HoverP95Ms)}", "");
        }
    }

    private static string Verdict(double p95) => p95 <= ConfigRequestsResult.HoverTargetP95Ms ? "met" : "NOT met";

    private static string Ms(double ms) => ms.ToString("F2", CultureInfo.InvariantCulture) + " ms";

    private static void Row(TextWriter output, params object?[] cells) =>
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, Format, cells).TrimEnd());
}
