using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using IdeTracker.Bench.Filter;
using IdeTracker.Bench.Measurement;
using IdeTracker.Core.Index;
using IdeTracker.Core.Notes.Drafts;

namespace IdeTracker.Bench.Draft;

/// <summary>README drafts over the filter benchmark's index of <see cref="FilterBenchmark.Runs"/> runs (written once, shared):
/// linking a note that names a run by speech (one pass over every run's names) and a whole draft of a selected run
/// (params, previous run, results, two plots rendered to PNG), each <see cref="Repetitions"/> times after a warm-up.
/// No target in DESIGN.md: the figures show the linker stays bounded on a huge workspace.</summary>
internal static class DraftBenchmark
{
    public const string Name = "draft";
    private const int Repetitions = 10;

    public static bool Run(BenchOptions options, TextWriter output)
    {
        var workspace = Path.Combine(options.OutDirectory, FilterBenchmark.Name);
        var indexPath = Path.Combine(options.OutDirectory, "index", FilterBenchmark.Name + ".db");
        Directory.CreateDirectory(workspace);
        BenchIndex.Ensure(FilterBenchmark.Name, indexPath, workspace, FilterBenchmark.Runs, store => FilterIndexWriter.Write(store, FilterBenchmark.Runs));
        using var store = IndexStore.Open(indexPath, workspace);
        var runs = store.GetCounts(DateTimeOffset.UtcNow, TimeSpan.Zero).Runs;

        // FilterIndexWriter names its runs run-<index>; the note says one the way a person would.
        const string transcript = "Looked at run four thousand two hundred forty two again. Next I'll try a smaller learning rate.";
        var linker = new RunLinker(store);
        var linked = linker.Link(transcript, []);
        var linkTimes = Time(() => linker.Link(transcript, []));

        var notes = Path.Combine(options.OutDirectory, "draft-notes");
        var metric = PrimaryMetric.Choose(store.GetMetricKeyCounts(), null, null);
        var drafter = new ReadmeDrafter(store, metric);
        var request = new DraftRequest(transcript, linked.RunIds, notes, DateTimeOffset.UtcNow);
        var plots = drafter.Draft(request).PlotFiles.Count;
        var draftTimes = Time(() => drafter.Draft(request));

        var result = new
        {
            scenario = Name,
            runs,
            linkReason = linked.Reason.ToString(),
            linkP50Ms = BenchIndex.Percentile(linkTimes, 50),
            linkMaxMs = linkTimes.Max(),
            draftP50Ms = BenchIndex.Percentile(draftTimes, 50),
            draftMaxMs = draftTimes.Max(),
            plots,
        };
        output.WriteLine();
        output.WriteLine($"{Name}: {runs:N0} runs in the filter benchmark's index; {Repetitions} timed repetitions after one warm-up, in this process.");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Name}  link a spoken run name ({linked.Reason}, {linked.RunIds.Count} run): p50 {result.linkP50Ms:F1} ms, max {result.linkMaxMs:F1} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Name}  whole draft of that run ({plots} plots rendered): p50 {result.draftP50Ms:F1} ms, max {result.draftMaxMs:F1} ms"));
        output.WriteLine(JsonSerializer.Serialize(result, BenchJson.Options));
        return runs == FilterBenchmark.Runs && linked.Reason == RunLinkReason.Spoken;
    }

    private static List<double> Time(Action action)
    {
        action();
        var times = new List<double>();
        var clock = new Stopwatch();
        for (var i = 0; i < Repetitions; i++)
        {
            clock.Restart();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }
}
