using IdeTracker.Core.Model;
using IdeTracker.Core.Tests.Readers.TensorBoard;
using IdeTracker.Core.Tests.Readers.TensorBoard.Fixtures;

namespace IdeTracker.Core.Tests.Readers.Guild;

/// <summary>Attributes and layouts the corpus lacks, on generated run folders.</summary>
public sealed class GuildRunReaderTests : IDisposable
{
    private readonly GuildRunFolder _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Comments_commit_packages_marked_and_nested_flags_are_read()
    {
        _run.Finished();
        _run.Attr("flags", "lr: 0.01\noptimizer:\n  name: adam\n  betas: [0.9, 0.999]");
        _run.Attr("comments", """
            - body: 'First try: lr too high'
              host: box
              time: 1700000100000000
              user: ana
            - body: "second\n"
              host: box
              time: 1700000200000000
              user: ana
            """);
        _run.Attr("vcs_commit", "git:4f2a9c1e0d8b7a6f5e4d3c2b1a0f9e8d7c6b5a49*");
        _run.Attr("pip_freeze", "- numpy==1.26.4\n- torch==2.2.0\n- mylib @ file:///src/mylib\n- -e git+https://example.org/r.git@abc#egg=editable_pkg");
        _run.Attr("marked", "true");
        _run.Attr("label", "lr=0.01");
        _run.Attr("cmd", "- python\n- -um\n- train\n- --msg\n- it's done\n- --lr\n- '0.01'");

        var run = ReadOneRun();

        Assert.Equal(new Dictionary<string, string>
        {
            ["lr"] = "0.01", ["optimizer.name"] = "adam", ["optimizer.betas.0"] = "0.9", ["optimizer.betas.1"] = "0.999",
        }, run.Params);
        Assert.Equal("First try: lr too high\n\nsecond", run.Note);
        Assert.Equal("4f2a9c1e0d8b7a6f5e4d3c2b1a0f9e8d7c6b5a49", run.GitCommit);
        Assert.True(run.GitDirty);
        Assert.Equal(new Dictionary<string, string> { ["numpy"] = "1.26.4", ["torch"] = "2.2.0", ["mylib"] = "", ["editable_pkg"] = "" }, run.Packages);
        Assert.Equal("true", run.Tags["guild.marked"]);
        Assert.Equal("lr=0.01", run.Name);
        Assert.Equal("python -um train --msg 'it'\\''s done' --lr 0.01", run.Command);
        Assert.Equal("train", run.Experiment);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_060_500), run.EndTime);
    }

    [Fact]
    public void A_clean_commit_is_not_dirty()
    {
        _run.Finished().Attr("vcs_commit", "git:4f2a9c1e");

        var run = ReadOneRun();

        Assert.Equal("4f2a9c1e", run.GitCommit);
        Assert.False(run.GitDirty);
    }

    [Theory]
    [InlineData("LOCK", RunStatus.Running)]
    [InlineData("LOCK.remote", RunStatus.Running)]
    [InlineData("PENDING", RunStatus.Scheduled)]
    [InlineData("STAGED", RunStatus.Scheduled)]
    [InlineData(null, RunStatus.Failed)]
    public void Without_an_exit_status_the_markers_decide(string? marker, RunStatus expected)
    {
        _run.Write(Path.Combine(".guild", "opref"), "guildfile:/p '' '' train");
        _run.Attr("started", "1700000000000000");
        if (marker is not null)
        {
            _run.Write(Path.Combine(".guild", marker), "4242");
        }

        var run = ReadOneRun();

        Assert.Equal(expected, run.Status);
        Assert.Null(run.EndTime);
        Assert.Equal("01234567 train", run.Name);
    }

    [Theory]
    [InlineData("0", RunStatus.Finished)]
    [InlineData("1", RunStatus.Failed)]
    [InlineData("-15", RunStatus.Killed)]
    public void The_exit_status_decides_once_the_run_stopped(string exit, RunStatus expected)
    {
        _run.Finished().Attr("exit_status", exit);

        Assert.Equal(expected, ReadOneRun().Status);
    }

    [Fact]
    public void Scalars_of_every_folder_are_keyed_as_guild_shows_them()
    {
        _run.Finished();
        EventFileWriter.Write(Path.Combine(_run.GuildDir, "events.out.tfevents.1700000000.box.1.0"), [Events.Simple("loss", 1, 0.5f), Events.Simple("loss", 2, 0.25f)]);
        EventFileWriter.Write(Path.Combine(_run.Folder, "events.out.tfevents.1700000001.box.1.0"), [Events.Simple("acc", 1, 0.9f)]);
        EventFileWriter.Write(Path.Combine(_run.Folder, "logs", "val", "events.out.tfevents.1700000002.box.1.0"), [Events.Simple("loss", 1, 0.75f), Events.Image("samples", 1)]);

        var run = ReadOneRun();

        Assert.Equal(["acc", "loss", "logs/val#loss"], run.Metrics.Keys);
        Assert.Equal([0.5, 0.25], run.Metrics["loss"].Select(p => p.Value));
        Assert.Equal(0.75, run.Metrics["logs/val#loss"].Single().Value);
        Assert.Equal(new RunMedia("logs/val#samples", "image", 1, 1), Assert.Single(run.Media));
        Assert.Equal(Path.Combine(_run.Folder, "events.out.tfevents.1700000001.box.1.0"), run.MetricsFile);
    }

    [Fact]
    public void Old_runs_with_the_operation_name_in_the_op_attr_are_named_by_it()
    {
        _run.Attr("op", "mnist:train");
        _run.Attr("exit_status", "0");

        var run = ReadOneRun();

        Assert.Equal("mnist:train", run.Experiment);
        Assert.Equal("01234567 mnist:train", run.Name);
    }

    [Fact]
    public void Bad_attrs_are_located_problems_and_the_rest_is_read()
    {
        _run.Finished();
        var flags = _run.Attr("flags", "lr: [0.01\nepochs: 3");
        var exit = _run.Attr("exit_status", "zero");
        var label = _run.Write(Path.Combine(".guild", "attrs", "label"), "\u00ff\u00fe");
        File.WriteAllBytes(label, [0xFF, 0xFE, (byte)'x']);
        var opref = _run.Write(Path.Combine(".guild", "opref"), "not an opref");

        var result = _run.Read();

        var run = Assert.Single(result.Runs);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Null(run.Experiment);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), run.StartTime);
        Assert.Equal("\uFFFD\uFFFDx", run.Label);
        var paths = result.Problems.Select(p => p.Path).ToList();
        Assert.Contains(flags, paths);
        Assert.Contains(exit, paths);
        Assert.Contains(label, paths);
        Assert.Contains(opref, paths);
        Assert.Equal(1, Assert.Single(result.Problems, p => p.Path == exit).Line);
        Assert.True(Assert.Single(result.Problems, p => p.Path == flags && !p.Message.Contains("UTF-8", StringComparison.Ordinal)).Line >= 1);
    }

    [Fact]
    public void A_damaged_event_file_is_a_problem_of_that_file_and_attrs_still_count()
    {
        _run.Finished();
        var events = Path.Combine(_run.GuildDir, "events.out.tfevents.1700000000.box.1.0");
        EventFileWriter.Write(events, [Events.Simple("loss", 1, 0.5f)]);
        File.AppendAllText(events, "this is not a record, just text appended after one");

        var result = _run.Read();

        Assert.Equal(RunStatus.Finished, Assert.Single(result.Runs).Status);
        Assert.Equal(events, Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void A_run_folder_without_attrs_is_no_run_and_a_gone_one_is_nothing()
    {
        Directory.CreateDirectory(_run.GuildDir);

        var empty = _run.Read();
        Directory.Delete(_run.Folder, recursive: true);
        var gone = _run.Read();

        Assert.Empty(empty.Runs);
        Assert.Single(empty.Problems);
        Assert.Empty(gone.Runs);
        Assert.Empty(gone.Problems);
        Assert.Empty(gone.Files);
    }

    [Fact]
    public void Resuming_event_files_gives_what_a_whole_read_gives()
    {
        _run.Finished();
        var path = Path.Combine(_run.GuildDir, "events.out.tfevents.1700000000.box.1.0");
        var all = EventFileWriter.Frames(Enumerable.Range(0, 40).Select(i => Events.Simple(i % 3 == 0 ? "acc" : "loss", i, i)));
        for (var split = 0; split <= all.Length; split += 13)
        {
            Directory.CreateDirectory(_run.GuildDir);
            File.WriteAllBytes(path, all[..split]);
            var first = _run.Read();
            EventFileWriter.Append(path, all.AsSpan(split));

            var resumed = _run.Read(first.Resume);

            ReadResultAssert.Same(_run.Read(), resumed, $"split at {split}");
        }
    }

    [Fact]
    public void A_new_marker_or_event_folder_changes_the_stamps()
    {
        _run.Finished();
        var before = _run.Reader.Stamp(_run.Unit);

        _run.Write(Path.Combine(".guild", "LOCK"), "1");
        var withLock = _run.Reader.Stamp(_run.Unit);
        EventFileWriter.Write(Path.Combine(_run.Folder, "sub", "events.out.tfevents.1.box.1.0"), [Events.Simple("x", 1, 1)]);
        var withEvents = _run.Reader.Stamp(_run.Unit);

        Assert.Equal(before.Count + 1, withLock.Count);
        Assert.Equal(withLock.Count + 1, withEvents.Count);
        Assert.Equal(withEvents, _run.Read().Files);
    }

    private Run ReadOneRun()
    {
        var result = _run.Read();
        Assert.Empty(result.Problems);
        return Assert.Single(result.Runs);
    }
}
