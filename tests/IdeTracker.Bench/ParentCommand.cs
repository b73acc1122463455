using System.Diagnostics;
using IdeTracker.Bench.ConfigRequests;
using IdeTracker.Bench.ConfigResults;
using IdeTracker.Bench.Configs;
using IdeTracker.Bench.Draft;
using IdeTracker.Bench.Filter;
using IdeTracker.Bench.Generation;
using IdeTracker.Bench.Live;
using IdeTracker.Bench.Reporting;
using IdeTracker.Bench.Series;
using IdeTracker.Bench.Tfevents;
using IdeTracker.Bench.Transcription;
using IdeTracker.Bench.Wandb;

namespace IdeTracker.Bench;

/// <summary>The benchmark as a user runs it: generate (or reuse) the workspaces, measure each in its own child
/// process, print the table and one JSON line per scenario. Missed performance targets are reported, not
/// fatal; a crash, a wrong run count or a warm scan that re-reads units exits non-zero.</summary>
internal static class ParentCommand
{
    public static int Run(BenchOptions options)
    {
        try
        {
            var known = BenchScenario.All(options).Select(s => s.Name)
                .Concat([TfeventsThroughput.Name, WandbLogBenchmark.Name, LiveLatencyMeasurement.Name, SeriesBenchmark.Name, FilterBenchmark.Name, ConfigResultsBenchmark.Name, ConfigRequestsBenchmark.Name, ConfigsBenchmark.Name, DraftBenchmark.Name, TranscriptionBenchmark.Name]).ToList();
            if (options.Only?.FirstOrDefault(n => !known.Contains(n)) is { } unknown)
            {
                throw new ArgumentException($"--only: unknown measurement '{unknown}'; known: {string.Join(", ", known)}");
            }

            var scenarios = BenchScenario.All(options).Where(s => options.Includes(s.Name)).ToList();
            foreach (var scenario in scenarios)
            {
                Prepare(scenario);
            }

            var runs = scenarios.Select(s => ChildProcess.Measure(options, s)).ToList();
            var tfevents = options.Includes(TfeventsThroughput.Name) ? TfeventsThroughput.Run(options) : null;
            var live = options.Includes(LiveLatencyMeasurement.Name) ? LiveLatencyMeasurement.Run(options) : null;
            var series = options.Includes(SeriesBenchmark.Name) ? SeriesBenchmark.Run(options) : null;
            Report(options, runs, tfevents, live, series);
            var wandbLogRead = !options.Includes(WandbLogBenchmark.Name) || WandbLogBenchmark.Run(options, Console.Out);
            var filterIndexComplete = !options.Includes(FilterBenchmark.Name) || FilterBenchmark.Run(options, Console.Out);
            var configIndexComplete = !options.Includes(ConfigResultsBenchmark.Name) || ConfigResultsBenchmark.Run(options, Console.Out);
            var configRequestsComplete = !options.Includes(ConfigRequestsBenchmark.Name) || ConfigRequestsBenchmark.Run(options, Console.Out);
            var configsAllRead = !options.Includes(ConfigsBenchmark.Name) || ConfigsBenchmark.Run(Console.Out);
            var draftLinked = !options.Includes(DraftBenchmark.Name) || DraftBenchmark.Run(options, Console.Out);
            var transcribed = !options.Includes(TranscriptionBenchmark.Name) || TranscriptionBenchmark.Run(options, Console.Out);
            var failed = !transcribed || !wandbLogRead || !filterIndexComplete || !configIndexComplete || !configRequestsComplete || !configsAllRead || !draftLinked
                || runs.Any(r => r.Result is null || Targets.For(r.Scenario, r.Result).Any(c => c.MustHold && !c.Met))
                || (tfevents is not null && !TfeventsReport.AllPointsRead(tfevents))
                || (live is not null && LiveLatencyReport.Targets(live).Any(c => c.MustHold && !c.Met))
                || (series is not null && SeriesReport.Checks(series).Any(c => c.MustHold && !c.Met));
            return failed ? 1 : 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"benchmark failed: {e}");
            return 1;
        }
    }

    private static void Prepare(BenchScenario scenario)
    {
        var clock = Stopwatch.StartNew();
        var generated = GeneratedWorkspace.Ensure(scenario.WorkspaceRoot, scenario.Generator);
        Console.Error.WriteLine(generated
            ? $"[{scenario.Name}] generated {scenario.ExpectedRuns:N0} runs in {scenario.WorkspaceRoot} ({clock.Elapsed.TotalSeconds:F1} s)"
            : $"[{scenario.Name}] reusing {scenario.ExpectedRuns:N0} runs in {scenario.WorkspaceRoot}");
    }

    private static void Report(BenchOptions options, IReadOnlyList<ScenarioRun> runs, TfeventsResult? tfevents, LiveLatencyResult? live, SeriesResult? series)
    {
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine($"ide-tracker benchmark: {options.MlflowRuns:N0} MLflow runs, {options.LightningRuns:N0} Lightning versions, " +
                         $"{Environment.ProcessorCount} threads, .NET {Environment.Version}, workspaces in {options.OutDirectory}");
#if DEBUG
        output.WriteLine("WARNING: Debug build; run with -c Release for figures worth comparing.");
#endif
        output.WriteLine("Each scenario runs in its own process. The cat baseline reads every file once, right before the cold");
        output.WriteLine("index and after an unmeasured warming read, so the page cache is warm for both. Index times include");
        output.WriteLine("opening and closing the index file; the warm re-scan reuses the cold run's index file.");
        if (tfevents is not null)
        {
            output.WriteLine("tfevents: the TensorBoard reader parses one generated event file whole, in this process, after a warm-up read.");
        }

        if (live is not null)
        {
            output.WriteLine("live: the real server over stdio, appending to a running run and sending no file events of its own.");
        }

        if (series is not null)
        {
            output.WriteLine("series: the metricSeries and compare builders in this process on an index written through the store's writer.");
        }

        output.WriteLine();
        ResultTable.Print(output, runs);
        if (tfevents is not null)
        {
            TfeventsReport.Print(output, tfevents);
        }

        if (live is not null)
        {
            LiveLatencyReport.Print(output, live);
        }

        if (series is not null)
        {
            SeriesReport.Print(output, series);
        }

        output.WriteLine();
        foreach (var run in runs)
        {
            output.WriteLine(JsonSummary.For(run));
        }

        if (tfevents is not null)
        {
            output.WriteLine(TfeventsReport.Json(tfevents));
        }

        if (live is not null)
        {
            output.WriteLine(LiveLatencyReport.Json(live));
        }

        if (series is not null)
        {
            output.WriteLine(SeriesReport.Json(series));
        }
    }
}
