using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Guild;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Guild;

/// <summary>The Guild test samples of the corpus: 7 runs under filter-runs/ (2022, with flags, labels, tags,
/// exit statuses, PENDING/STAGED markers and one scalar each in .guild/events…) and 3 old ones under runs/
/// (2017, a few attrs only). Expected values read by hand from the attr files (cat), the opref files and,
/// for the scalars, tests/…/TensorBoard/tfevents_check.py over the event files.</summary>
public sealed class GuildCorpusTests
{
    private static readonly string Samples = Corpus.PathOf("guild", "guildai-test-samples", "guild", "tests", "samples");
    private static readonly string FilterRuns = Path.Combine(Samples, "filter-runs");
    private static readonly string OldRuns = Path.Combine(Samples, "runs");

    private readonly GuildRunReader _reader = new();

    [Fact]
    public void Every_run_of_the_samples_reads_without_problems()
    {
        var folders = Directory.GetDirectories(FilterRuns).Concat(Directory.GetDirectories(OldRuns)).ToList();

        var runs = folders.Select(f => ReadRun(Path.GetDirectoryName(f)!, Path.GetFileName(f))).ToList();

        Assert.Equal(10, runs.Count);
        Assert.Equal(10, runs.Select(r => r.Id).Distinct().Count());
        Assert.All(runs, r => Assert.Equal(32, r.NativeId.Length));
    }

    [Fact]
    public void The_run_id_is_the_folder_name_even_when_the_id_attr_names_another_run()
    {
        // fa6f74ad's attrs/id says fe83a924…: it was staged as a copy of that run.
        var run = ReadRun(FilterRuns, "fa6f74adb50a4abb8f49840993f081f7");

        Assert.Equal("fa6f74adb50a4abb8f49840993f081f7", run.NativeId);
        Assert.NotEqual(ReadRun(FilterRuns, "fe83a924ae144693a72b420962a7d9d1").Id, run.Id);
    }

    [Fact]
    public void A_finished_run_has_its_flags_label_times_command_host_and_scalar()
    {
        var run = ReadRun(FilterRuns, "79ca9e64e4d7453f999a6bbd1e7c03f0");

        Assert.Equal("79ca9e64e4d7453f999a6bbd1e7c03f0", run.NativeId);
        Assert.Equal(RunIds.Make("guild", "filter-runs", "79ca9e64e4d7453f999a6bbd1e7c03f0"), run.Id);
        Assert.Equal("guild", run.Source);
        Assert.Equal(FilterRuns, run.StorePath);
        Assert.Equal("train", run.Experiment);
        Assert.Equal("noise=0.1 x=0.1", run.Name);
        Assert.Equal("noise=0.1 x=0.1", run.Label);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(1662041973572225L * 10), run.StartTime);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(1662041973869278L * 10), run.EndTime);
        Assert.Equal("garrett", run.User);
        Assert.Equal("calusa", run.Host);
        Assert.Equal("/usr/bin/python -um guild.op_main train -- --noise 0.1 --x 0.1", run.Command);
        Assert.Equal(new Dictionary<string, string> { ["noise"] = "0.1", ["x"] = "0.1" }, run.Params);
        Assert.Equal(new Dictionary<string, string> { ["guild.random_seed"] = "1403141443", ["guild.sourcecode_digest"] = "422297c77d46133fef0c9c8e11b456d2" }, run.Tags);
        Assert.Equal(new MetricPoint(0, 0, 0.435140997171402), Assert.Single(Assert.Single(run.Metrics, m => m.Key == "loss").Value));
        Assert.Equal("3.8.10", run.Environment["python"]);
        Assert.Equal("12", run.Environment["cpu_count"]);
        Assert.Equal("x86_64", run.Environment["processor"]);
        Assert.StartsWith("Linux calusa 5.15.0-46-generic", run.Environment["os"]);
        Assert.Null(run.GitCommit);
        Assert.Empty(run.Packages);
        Assert.Equal(Path.Combine(FilterRuns, "79ca9e64e4d7453f999a6bbd1e7c03f0", ".guild", "events.out.tfevents.1662041973.calusa.97126.1"), run.MetricsFile);
    }

    [Fact]
    public void Tags_keep_their_case_and_a_negative_exit_status_is_killed()
    {
        var run = ReadRun(FilterRuns, "2dc1529ba06c46fda486395a61475dbe");

        // tags: [red, green, Green]; exit_status: -16 (Guild's Ctrl-C code, shown as "terminated").
        Assert.Equal(["Green", "green", "red"], run.Tags.Keys.Where(k => !k.StartsWith("guild.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(RunStatus.Killed, run.Status);
        Assert.Equal(0.478751003742218, run.Metrics["loss"].Single().Value);
    }

    [Theory]
    [InlineData("ac99cff45d1044b4817ab7f7054f2d76", RunStatus.Scheduled)] // PENDING marker (exit_status 1 copied along)
    [InlineData("fa6f74adb50a4abb8f49840993f081f7", RunStatus.Scheduled)] // STAGED marker
    [InlineData("fe83a924ae144693a72b420962a7d9d1", RunStatus.Failed)] // exit_status 1
    [InlineData("a5520d132b4148a5bad3c4f795b7c362", RunStatus.Finished)] // exit_status 0
    public void Markers_come_before_the_exit_status(string id, RunStatus expected)
    {
        Assert.Equal(expected, ReadRun(FilterRuns, id).Status);
    }

    [Fact]
    public void A_dependency_copied_in_as_target_gives_prefixed_scalars_not_attrs()
    {
        // a5520d13 ran util:test on 2dc1529b, whose .guild folder Guild copied to target/.guild.
        var run = ReadRun(FilterRuns, "a5520d132b4148a5bad3c4f795b7c362");

        Assert.Equal("util:test", run.Experiment);
        Assert.Equal("target=2dc1529b", run.Label);
        Assert.Equal(new Dictionary<string, string> { ["target"] = "2dc1529ba06c46fda486395a61475dbe" }, run.Params);
        Assert.Equal(["target/.guild#loss"], run.Metrics.Keys);
        Assert.Equal(0.478751003742218, run.Metrics["target/.guild#loss"].Single().Value);
        Assert.Equal("/usr/bin/python -um guild.op_main test --", run.Command);
    }

    [Fact]
    public void The_copy_inside_a_dependent_run_is_not_a_run_of_its_own()
    {
        var folder = Path.Combine(FilterRuns, "a5520d132b4148a5bad3c4f795b7c362");
        var unit = new RunUnit(UnitFormats.GuildRun, Path.Combine(folder, "target"), folder, Samples);

        var result = _reader.Read(unit, CancellationToken.None);

        Assert.Empty(result.Runs);
        Assert.Equal(ProblemSeverity.Information, Assert.Single(result.Problems).Severity);
    }

    [Fact]
    public void Old_runs_take_the_operation_from_opref_and_are_named_by_short_id()
    {
        var pending = ReadRun(OldRuns, "360192fdf9b74f2fad5f514e9f2fdadb");
        var evaluated = ReadRun(OldRuns, "42803252919c495cbd65f292f1f156a0");
        var failed = ReadRun(OldRuns, "7d145216ae874020b735f001a7bfd27d");

        Assert.Equal("mnist:train", pending.Experiment);
        Assert.Equal("360192fd mnist:train", pending.Name);
        Assert.Null(pending.Label);
        Assert.Equal(RunStatus.Scheduled, pending.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1506790385), pending.StartTime);
        Assert.Null(pending.EndTime);
        Assert.Empty(pending.Params);
        Assert.Empty(pending.Metrics);
        Assert.Equal("mnist:evaluate", evaluated.Experiment);
        Assert.Equal(RunStatus.Finished, evaluated.Status);
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1506790401), failed.StartTime);
    }

    [Fact]
    public void Stamps_cover_attrs_opref_markers_and_event_files_and_match_the_read()
    {
        var folder = Path.Combine(FilterRuns, "ac99cff45d1044b4817ab7f7054f2d76");
        var unit = new RunUnit(UnitFormats.GuildRun, folder, FilterRuns, Samples);

        var stamps = _reader.Stamp(unit);
        var read = _reader.Read(unit, CancellationToken.None);

        Assert.Equal(stamps, read.Files);
        var names = stamps.Select(s => Path.GetRelativePath(folder, s.Path).Replace('\\', '/')).ToList();
        Assert.Contains(".guild/attrs/exit_status", names);
        Assert.Contains(".guild/opref", names);
        Assert.Contains(".guild/PENDING", names);
        Assert.Contains(".guild/events.out.tfevents.1662041973.calusa.97126.0", names);
        Assert.Equal(17 + 1 + 1 + 1, stamps.Count);
    }

    private Run ReadRun(string store, string id)
    {
        var unit = new RunUnit(UnitFormats.GuildRun, Path.Combine(store, id), store, Samples);
        var result = _reader.Read(unit, CancellationToken.None);
        Assert.Empty(result.Problems);
        return Assert.Single(result.Runs);
    }
}
