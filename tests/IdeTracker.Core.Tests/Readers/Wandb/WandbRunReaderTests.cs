using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Wandb;
using static IdeTracker.Core.Tests.Readers.Wandb.WandbRecords;

namespace IdeTracker.Core.Tests.Readers.Wandb;

/// <summary>Generated offline runs (the corpus has none) with every record kind the reader looks at.</summary>
public sealed class WandbRunReaderTests : IDisposable
{
    private readonly WandbRunFixture _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void A_finished_offline_run_has_its_run_record_config_history_and_exit()
    {
        var log = new WandbLogWriter()
            .Add(Header())
            .Add(Run("abc123", project: "vision", displayName: "bright-fox-7", tags: ["baseline", "lion"], notes: "try a lower lr",
                config: [("lr", "0.001"), ("optimizer", """{"name": "adam", "betas": [0.9, 0.999]}"""), ("_wandb", """{"cli_version": "0.16.1"}""")],
                commit: "0123abcd", remote: "https://example.com/team/vision.git"))
            .Add(Telemetry())
            .Add(Output(Start.AddSeconds(1), "epoch 0"))
            .Add(History(0, SecondsAfterStart(2), ("loss", "0.9"), ("acc", "0.5")))
            .Add(History(1, SecondsAfterStart(3), ("loss", "0.7"), ("acc", "0.625")))
            .Add(Stats(Start.AddSeconds(4)))
            .Add(History(2, SecondsAfterStart(5), ("loss", "0.5")))
            .Add(Summary(("loss", "0.5"), ("acc", "0.625"), ("best_acc", "0.625"), ("_step", "2")))
            .Add(Exit(0, 6))
            .Add(Final())
            .Add(Footer());
        _run.WithLog(log);

        var result = _run.Read();

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal("abc123", run.NativeId);
        Assert.Equal("bright-fox-7", run.Name);
        Assert.Equal("vision", run.Experiment);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal(Start, run.StartTime);
        Assert.Equal(Start.AddSeconds(6), run.EndTime);
        Assert.Equal("try a lower lr", run.Note);
        Assert.Equal("0123abcd", run.GitCommit);
        Assert.Equal("gpu-box", run.Host);
        Assert.Equal("team", run.User);
        Assert.Equal(new Dictionary<string, string>
        {
            ["baseline"] = "",
            ["lion"] = "",
            ["git.remote"] = "https://example.com/team/vision.git",
            ["wandb.entity"] = "team",
            ["wandb.group"] = "sweep-a",
            ["wandb.job_type"] = "train",
        }, run.Tags);

        // No config.yaml: the log's config is flattened instead, its "_wandb" left out.
        Assert.Equal(new Dictionary<string, string>
        {
            ["lr"] = "0.001",
            ["optimizer.name"] = "adam",
            ["optimizer.betas.0"] = "0.9",
            ["optimizer.betas.1"] = "0.999",
        }, run.Params);
        Assert.Equal("3.11.4", run.Environment["python"]);
        Assert.Equal("0.16.1", run.Environment["wandb"]);

        var t0 = Start.AddSeconds(2).ToUnixTimeMilliseconds();
        Assert.Equal([new MetricPoint(0, t0, 0.9), new MetricPoint(1, t0 + 1000, 0.7), new MetricPoint(2, t0 + 3000, 0.5)], run.Metrics["loss"]);
        Assert.Equal([new MetricPoint(0, t0, 0.5), new MetricPoint(1, t0 + 1000, 0.625)], run.Metrics["acc"]);

        // best_acc is only in the summary: one point at the summary's _step.
        Assert.Equal([new MetricPoint(2, 0, 0.625)], run.Metrics["best_acc"]);
        Assert.DoesNotContain(run.Metrics.Keys, k => k.StartsWith('_'));
        Assert.Equal(_run.LogPath, run.MetricsFile);
        Assert.Equal(_run.Folder, run.Directory);
    }

    [Fact]
    public void A_nonzero_exit_code_is_a_failed_run()
    {
        _run.WithLog(new WandbLogWriter().Add(Header()).Add(Run("abc123")).Add(Exit(137, 2)));

        Assert.Equal(RunStatus.Failed, Assert.Single(_run.Read().Runs).Status);
    }

    [Fact]
    public void NaN_and_infinities_are_kept_as_values_and_booleans_plot_as_0_and_1()
    {
        _run.WithLog(new WandbLogWriter()
            .Add(Run("abc123"))
            .Add(History(0, SecondsAfterStart(1), ("loss", "NaN"), ("grad", "Infinity"), ("early_stop", "false")))
            .Add(History(1, SecondsAfterStart(2), ("loss", "-Infinity"), ("grad", "1e-05"), ("early_stop", "true")))
            .Add(History(2, SecondsAfterStart(3), ("loss", "3"), ("note", "\"just text\""), ("ids", "[1, 2]"), ("nothing", "null"))));

        var run = Assert.Single(_run.Read().Runs);

        Assert.Equal([double.NaN, double.NegativeInfinity, 3], run.Metrics["loss"].Select(p => p.Value));
        Assert.Equal([double.PositiveInfinity, 1e-05], run.Metrics["grad"].Select(p => p.Value));
        Assert.Equal([0.0, 1.0], run.Metrics["early_stop"].Select(p => p.Value));

        // Strings, lists and nulls do not plot.
        Assert.Equal(["early_stop", "grad", "loss"], run.Metrics.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Media_values_are_listed_and_logged_dicts_give_dotted_metrics()
    {
        const string Image = """{"_type": "image-file", "path": "media/images/sample_0.png", "width": 28, "height": 28}""";
        _run.WithLog(new WandbLogWriter()
            .Add(Run("abc123"))
            .Add(History(0, SecondsAfterStart(1), ("samples", Image), ("val", """{"acc": 0.5, "loss": 1.5, "cm": {"_type": "table-file", "path": "t.json"}}""")))
            .Add(History(1, SecondsAfterStart(2), ("samples", Image), ("weights", """{"_type": "histogram", "values": [1, 2], "bins": [0, 1, 2]}""")))
            .Add(History(5, SecondsAfterStart(3), ("samples", Image), ("val", """{"acc": 0.75, "loss": 1.25}""")))
            .Add(NestedHistory(6, ["test", "f1"], "0.875"))
            .Add(Summary(("samples", Image), ("confusion", """{"_type": "table-file", "path": "c.json"}"""))));

        var run = Assert.Single(_run.Read().Runs);

        Assert.Equal(
            [new RunMedia("confusion", "table", 1, 6), new RunMedia("samples", "image", 3, 5), new RunMedia("val.cm", "table", 1, 0), new RunMedia("weights", "histogram", 1, 1)],
            run.Media.OrderBy(m => m.Tag, StringComparer.Ordinal));
        Assert.Equal([0.5, 0.75], run.Metrics["val.acc"].Select(p => p.Value));
        Assert.Equal([0L, 5L], run.Metrics["val.loss"].Select(p => p.Step));
        Assert.Equal([new MetricPoint(6, 0, 0.875)], run.Metrics["test.f1"]);
        Assert.DoesNotContain("samples", run.Metrics.Keys);
    }

    [Fact]
    public void Records_split_across_blocks_and_block_tails_too_short_for_a_header_are_read()
    {
        var writer = new WandbLogWriter().Add(Run("abc123"));

        // A console line sized so that the block's tail is 3 bytes after it (padding), then one sized so that
        // exactly a header's 7 bytes are left (an empty FIRST piece), then a config record spanning 4 blocks.
        writer.Add(OutputOfSize(WandbLogWriter.BlockSize - 3 - WandbLogWriter.HeaderSize - (int)writer.Length));
        writer.Add(OutputOfSize(WandbLogWriter.BlockSize - (2 * WandbLogWriter.HeaderSize)));
        writer.Add(Config(("vocabulary", "\"" + new string('x', 100_000) + "\"")));
        for (var step = 0; step < 2000; step++)
        {
            writer.Add(History(step, SecondsAfterStart(step), ("loss", (1.0 / (step + 1)).ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
        }

        writer.Add(Exit(0, 2000));
        _run.WithLog(writer);

        var result = _run.Read();

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal(100_000, run.Params["vocabulary"].Length);
        Assert.Equal(2000, run.Metrics["loss"].Count);
        Assert.Equal(new MetricPoint(1999, Start.AddSeconds(1999).ToUnixTimeMilliseconds(), 1.0 / 2000), run.Metrics["loss"][^1]);
        // The layout the test is about: the second line starts the next block after 3 bytes of padding, and the
        // config record starts 7 bytes before the end of the block after that.
        Assert.Equal(WandbLogWriter.BlockSize, writer.RecordStarts[2]);
        Assert.Equal((2 * WandbLogWriter.BlockSize) - WandbLogWriter.HeaderSize, writer.RecordStarts[3]);
        Assert.True(writer.Length > 5 * WandbLogWriter.BlockSize);
    }

    [Fact]
    public void A_killed_log_padded_with_zeros_keeps_everything_and_is_no_problem()
    {
        var writer = RowsLog(3);
        _run.WithLog(writer.PadWithZerosTo(1_310_720)).LogWrittenAt(FixedTime.Later.GetUtcNow().AddHours(-2));

        var result = _run.Read();

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal(RunStatus.Killed, run.Status);
        Assert.Equal(3, run.Metrics["loss"].Count);
        Assert.Equal(Start.AddSeconds(3), run.EndTime);
    }

    [Fact]
    public void A_log_cut_off_inside_a_record_is_a_running_run_while_it_is_being_written()
    {
        var bytes = RowsLog(3).ToArray();
        var now = Start.AddSeconds(3 + 60);
        _run.WithLog(bytes[..^5]).LogWrittenAt(now.AddSeconds(-1));

        var result = _run.Read(new FixedTime(now));

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal(RunStatus.Running, run.Status);
        Assert.Null(run.EndTime);
        Assert.Equal(2, run.Metrics["loss"].Count);
    }

    [Fact]
    public void A_log_cut_off_inside_a_record_of_a_run_quiet_for_long_is_a_killed_run_with_a_warning()
    {
        var writer = RowsLog(3);
        var lastRecord = writer.RecordStarts[^1];
        _run.WithLog(writer.ToArray()[..^5]).LogWrittenAt(FixedTime.Later.GetUtcNow().AddHours(-1));

        var result = _run.Read();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(_run.LogPath, problem.Path);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.StartsWith($"at byte {lastRecord}: ", problem.Message);
        Assert.Equal(RunStatus.Killed, Assert.Single(result.Runs).Status);
    }

    [Fact]
    public void A_torn_last_record_with_a_bad_checksum_is_a_warning_and_the_records_before_it_are_kept()
    {
        var writer = RowsLog(3);
        var bytes = writer.ToArray();
        bytes[^2] ^= 0x40;
        _run.WithLog(bytes);

        var result = _run.Read();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.Equal($"at byte {writer.RecordStarts[^1]}: a record whose checksum does not match its content; nothing after it is read", problem.Message);
        Assert.Equal(2, Assert.Single(result.Runs).Metrics["loss"].Count);
    }

    [Fact]
    public void A_bad_checksum_in_the_middle_is_an_error_and_stops_reading_there()
    {
        var writer = RowsLog(10).Add(Exit(0, 11));
        var bytes = writer.ToArray();
        var fourthRow = writer.RecordStarts[2 + 3];
        bytes[fourthRow + WandbLogWriter.HeaderSize + 3] ^= 0x01;
        _run.WithLog(bytes);

        var result = _run.Read();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.StartsWith($"at byte {fourthRow}: a record whose checksum does not match", problem.Message);
        var run = Assert.Single(result.Runs);
        Assert.Equal([0L, 1, 2], run.Metrics["loss"].Select(p => p.Step));

        // The exit record lies after the damage, so it is not seen: the run is as good as killed.
        Assert.Equal(RunStatus.Killed, run.Status);
    }

    [Fact]
    public void Garbage_where_a_header_should_be_is_an_error()
    {
        var writer = RowsLog(3);
        var bytes = writer.ToArray();
        var second = writer.RecordStarts[3];
        bytes[second + 6] = 9;
        _run.WithLog(bytes);

        var result = _run.Read();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal($"at byte {second}: bytes that are not a record header (record type 9); nothing after it is read", problem.Message);
        Assert.Single(Assert.Single(result.Runs).Metrics["loss"]);
    }

    [Fact]
    public void A_piece_of_a_split_record_without_its_first_piece_is_an_error()
    {
        var writer = new WandbLogWriter().Add(Run("abc123"));
        var at = writer.Length;
        var bytes = writer.ToArray().Concat(MiddlePiece()).ToArray();
        _run.WithLog(bytes);

        var result = _run.Read();

        var problem = Assert.Single(result.Problems);
        Assert.Equal($"at byte {at}: the continuation of a split record whose beginning is missing; nothing after it is read", problem.Message);
        Assert.Equal("abc123", Assert.Single(result.Runs).NativeId);
    }

    [Fact]
    public void A_record_with_a_good_checksum_that_is_not_protobuf_is_skipped_with_a_warning()
    {
        var writer = new WandbLogWriter().Add(Run("abc123"));
        var at = writer.Length;
        writer.AddPayload([0xFF, 0xFF, 0xFF]).Add(History(0, SecondsAfterStart(1), ("loss", "1"))).Add(Exit(0, 1));
        _run.WithLog(writer);

        var result = _run.Read();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.Equal($"at byte {at}: a record that is not valid protobuf; skipped", problem.Message);
        var run = Assert.Single(result.Runs);
        Assert.Single(run.Metrics["loss"]);
        Assert.Equal(RunStatus.Finished, run.Status);
    }

    [Fact]
    public void A_record_too_large_to_keep_is_skipped_and_reading_goes_on()
    {
        var writer = new WandbLogWriter().Add(Run("abc123"));
        var at = writer.Length;
        writer.Add(Output(Start, new string('y', PendingRecord.MaxBytes + 10))).Add(History(0, SecondsAfterStart(1), ("loss", "1")));
        _run.WithLog(writer);

        var result = _run.Read();

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith($"at byte {at}: a record of ", problem.Message);
        Assert.EndsWith("skipped", problem.Message);
        Assert.Single(Assert.Single(result.Runs).Metrics["loss"]);
    }

    [Fact]
    public void A_file_that_is_not_a_wandb_log_is_an_error_and_the_files_still_give_the_run()
    {
        _run.WithLog("not a log at all"u8.ToArray()).WithFile("config.yaml", ConfigYaml);

        var result = _run.Read();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.StartsWith("at byte 0: this is not a W&B run log", problem.Message);
        var run = Assert.Single(result.Runs);
        Assert.Equal("abc123", run.NativeId);
        Assert.Equal("0.01", run.Params["optimizer.lr"]);
    }

    [Fact]
    public void A_run_without_an_exit_record_that_still_writes_is_running()
    {
        var now = Start.AddSeconds(120);
        _run.WithLog(RowsLog(3)).LogWrittenAt(now.AddSeconds(-30));

        Assert.Equal(RunStatus.Running, Assert.Single(_run.Read(new FixedTime(now)).Runs).Status);
        Assert.Equal(RunStatus.Killed, Assert.Single(_run.Read(new FixedTime(now.AddMinutes(20))).Runs).Status);
    }

    [Fact]
    public void Config_yaml_gives_the_params_and_its_wandb_key_the_environment()
    {
        _run.WithLog(new WandbLogWriter().Add(Run("abc123", config: [("lr", "0.5")])))
            .WithFile("config.yaml", ConfigYaml);

        var run = Assert.Single(_run.Read().Runs);

        Assert.Equal(new Dictionary<string, string>
        {
            ["epochs"] = "3",
            ["optimizer.lr"] = "0.01",
            ["optimizer.name"] = "sgd",
            ["layers.0"] = "64",
            ["layers.1"] = "32",
            ["empty"] = "{}",
        }, run.Params);
        Assert.Equal("3.10.12", run.Environment["python"]);
        Assert.Equal("0.15.4", run.Environment["wandb"]);
        Assert.Equal("torch", run.Environment["framework"]);
    }

    [Fact]
    public void Config_keys_with_dots_and_values_with_a_desc_of_their_own_keep_their_names()
    {
        _run.WithFile("config.yaml", """
            wandb_version: 1
            model.lr:
              desc: null
              value: 0.1
            opt:
              desc: null
              value:
                desc: plain words
                beta: 0.9
            """);

        var run = Assert.Single(_run.Read().Runs);

        Assert.Equal(new Dictionary<string, string>
        {
            ["model.lr"] = "0.1",
            ["opt.desc"] = "plain words",
            ["opt.beta"] = "0.9",
        }, run.Params);
    }

    [Fact]
    public void Times_no_calendar_holds_give_no_time_rather_than_an_exception()
    {
        var run = new IdeTracker.Core.Readers.Wandb.Proto.Record
        {
            Run = new IdeTracker.Core.Readers.Wandb.Proto.RunRecord
            {
                RunId = "abc123",
                StartTime = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = long.MaxValue },
            },
        };
        var history = History(0, 0, ("loss", "1"));
        history.History.Item.Single(i => i.Key == "_timestamp").ValueJson = "1e300";
        _run.WithLog(new WandbLogWriter().Add(run).Add(history).Add(Exit(0, int.MaxValue)))
            .WithFile("wandb-summary.json", """{"_timestamp": 1e300, "loss": 1}""");

        var result = _run.Read();

        var read = Assert.Single(result.Runs);
        Assert.Equal(RunStatus.Finished, read.Status);
        Assert.Null(read.EndTime);
        Assert.Single(read.Metrics["loss"]);
    }

    [Fact]
    public void A_small_file_too_large_to_be_one_is_skipped_with_a_problem()
    {
        _run.WithFile("wandb-summary.json", "{\"pad\": \"" + new string(' ', 17 * 1024 * 1024) + "\"}").WithFile("config.yaml", ConfigYaml);

        var result = _run.Read();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(_run.FilePath("wandb-summary.json"), problem.Path);
        Assert.Contains("larger than", problem.Message);
        Assert.Equal("sgd", Assert.Single(result.Runs).Params["optimizer.name"]);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_a_warning_and_the_rest_is_read()
    {
        _run.WithFile("requirements.txt", [.. "numpy==1.26.4\nt\xF6rch==2.2.0\n"u8, 0xFF, (byte)'\n']);

        var result = _run.Read();

        Assert.Contains(result.Problems, p => p.Path == _run.FilePath("requirements.txt") && p.Message.Contains("UTF-8", StringComparison.Ordinal));
        Assert.Equal("1.26.4", Assert.Single(result.Runs).Packages["numpy"]);
    }

    [Fact]
    public void Metadata_gives_command_git_user_and_environment_and_a_diff_makes_it_dirty()
    {
        _run.WithFile("wandb-metadata.json", """
            {
              "os": "Linux-6.1.0-x86_64-with-glibc2.36",
              "python": "3.11.4",
              "startedAt": "2024-01-02T03:04:05.250000Z",
              "args": ["--lr", "0.1", "--name", "my run"],
              "program": "train.py",
              "git": {"remote": "git@example.com:team/repo.git", "commit": "feedbeef"},
              "host": "node-7",
              "username": "ada",
              "executable": "/usr/bin/python3",
              "cpu_count": 8,
              "gpu": "NVIDIA A100",
              "gpu_count": 2,
              "cuda": "12.1",
              "memory": {"total": 62.5}
            }
            """)
            .WithFile("diff.patch", "--- a/train.py\n+++ b/train.py\n");

        var run = Assert.Single(_run.Read().Runs);

        Assert.Equal("train.py --lr 0.1 --name 'my run'", run.Command);
        Assert.Equal("feedbeef", run.GitCommit);
        Assert.True(run.GitDirty);
        Assert.Equal("git@example.com:team/repo.git", run.Tags["git.remote"]);
        Assert.Equal("ada", run.User);
        Assert.Equal("node-7", run.Host);
        Assert.Equal(Start, run.StartTime);
        Assert.Equal(RunStatus.Unknown, run.Status);
        Assert.Equal(new Dictionary<string, string>
        {
            ["os"] = "Linux-6.1.0-x86_64-with-glibc2.36",
            ["python"] = "3.11.4",
            ["program"] = "train.py",
            ["executable"] = "/usr/bin/python3",
            ["cuda"] = "12.1",
            ["gpu"] = "NVIDIA A100",
            ["gpu_count"] = "2",
            ["cpu_count"] = "8",
        }, run.Environment);
    }

    [Fact]
    public void An_empty_diff_says_nothing_about_dirtiness()
    {
        _run.WithFile("wandb-metadata.json", """{"program": "train.py", "git": {"commit": "feedbeef"}}""").WithFile("diff.patch", "");

        Assert.Null(Assert.Single(_run.Read().Runs).GitDirty);
    }

    [Fact]
    public void Requirements_in_other_pip_forms_are_read_and_lines_that_are_none_are_located()
    {
        _run.WithFile("requirements.txt", """
            # pip freeze, edited by hand
            numpy==1.26.4
            torch[cuda]==2.2.0 ; python_version >= "3.8"
            scipy>=1.11,<2
            requests
            mylib @ file:///home/ada/mylib
            -e git+https://example.com/team/tool.git@abc#egg=tool
            --index-url https://example.com/simple
            pandas==2.1.* # a comment
            this is not a requirement
            """);

        var result = _run.Read();

        Assert.Equal(new Dictionary<string, string>
        {
            ["numpy"] = "1.26.4",
            ["torch"] = "2.2.0",
            ["scipy"] = ">=1.11,<2",
            ["requests"] = "",
            ["mylib"] = "",
            ["tool"] = "",
            ["pandas"] = "==2.1.*",
        }, Assert.Single(result.Runs).Packages);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(_run.FilePath("requirements.txt"), problem.Path);
        Assert.Equal(10, problem.Line);
    }

    [Fact]
    public void A_summary_that_is_not_json_is_located_and_the_run_still_read()
    {
        _run.WithFile("wandb-summary.json", "{\"loss\": 0.5,\n \"acc\": oops}").WithFile("config.yaml", ConfigYaml);

        var result = _run.Read();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(_run.FilePath("wandb-summary.json"), problem.Path);
        Assert.Equal(2, problem.Line);
        Assert.StartsWith("not valid JSON", problem.Message);
        Assert.Equal("sgd", Assert.Single(result.Runs).Params["optimizer.name"]);
    }

    [Fact]
    public void A_summary_with_python_json_literals_is_read()
    {
        _run.WithFile("wandb-summary.json", """{"loss": NaN, "best": -Infinity, "lr": 1e-4, "_step": 7, "_wandb": {"runtime": 3}}""");

        var run = Assert.Single(_run.Read().Runs);

        Assert.Equal([new MetricPoint(7, 0, double.NaN)], run.Metrics["loss"]);
        Assert.Equal([new MetricPoint(7, 0, double.NegativeInfinity)], run.Metrics["best"]);
        Assert.Equal(1e-4, run.Metrics["lr"][0].Value);
        Assert.Equal(3, run.Metrics.Count);
    }

    [Fact]
    public void A_folder_with_no_wandb_files_gives_no_run_and_says_so()
    {
        var result = _run.Read();

        Assert.Empty(result.Runs);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(_run.Folder, problem.Path);
        Assert.Empty(result.Files);
    }

    [Fact]
    public void A_folder_that_is_gone_gives_nothing()
    {
        Directory.Delete(_run.Folder, recursive: true);

        var result = _run.Read();

        Assert.Empty(result.Runs);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_resumed_run_in_a_second_folder_keeps_a_run_of_its_own()
    {
        using var second = new WandbRunFixture("abc123", "run-20240105_101010-");
        var log = new WandbLogWriter().Add(Run("abc123"));
        _run.WithLog(log);
        second.WithLog(log);

        var first = Assert.Single(_run.Read().Runs);
        var again = Assert.Single(second.Read().Runs);

        Assert.Equal(first.NativeId, again.NativeId);
        Assert.NotEqual(first.Id, again.Id);
    }

    [Theory]
    [InlineData("run-20230329_020146-ruzz7bps", "ruzz7bps")]
    [InlineData("offline-run-20240102_030405-abc123", "abc123")]
    [InlineData("run-20240102_030405-my-own-id", "my-own-id")]
    [InlineData("something-else", "something-else")]
    public void The_run_id_is_what_follows_the_folder_names_time(string folder, string id) =>
        Assert.Equal(id, WandbRunFolder.IdOf(folder));

    [Fact]
    public void The_stamp_list_changes_when_a_file_appears()
    {
        _run.WithFile("config.yaml", ConfigYaml);
        var before = new WandbRunReader().Stamp(_run.Unit);

        _run.WithLog(new WandbLogWriter().Add(Run("abc123")));
        var after = new WandbRunReader().Stamp(_run.Unit);

        Assert.Single(before);
        Assert.Equal([_run.LogPath, _run.FilePath("config.yaml")], after.Select(s => s.Path));
    }

    private const string ConfigYaml = """
        wandb_version: 1

        _wandb:
          desc: null
          value:
            cli_version: 0.15.4
            framework: torch
            python_version: 3.10.12
            t:
              1:
              - 1
              - 55
        epochs:
          desc: null
          value: 3
        optimizer:
          desc: Which optimizer
          value:
            lr: 0.01
            name: sgd
        layers:
          desc: null
          value:
          - 64
          - 32
        empty:
          desc: null
          value: {}
        """;

    /// <summary>A run record and <paramref name="rows"/> history rows of "loss" at steps 0… one second apart.</summary>
    private static WandbLogWriter RowsLog(int rows)
    {
        var writer = new WandbLogWriter().Add(Header()).Add(Run("abc123"));
        for (var step = 0; step < rows; step++)
        {
            writer.Add(History(step, SecondsAfterStart(step + 1), ("loss", (10 - step).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        return writer;
    }

    /// <summary>A console-output record whose serialised size is exactly <paramref name="size"/> bytes.</summary>
    private static IdeTracker.Core.Readers.Wandb.Proto.Record OutputOfSize(int size)
    {
        for (var length = Math.Max(0, size - 40); ; length++)
        {
            var record = Output(Start, new string('o', length));
            record.Num = 1_000;
            var actual = record.CalculateSize();
            if (actual == size)
            {
                return record;
            }

            Assert.True(actual < size, $"no output record is exactly {size} bytes");
        }
    }

    /// <summary>A MIDDLE piece (type 3) with a valid checksum.</summary>
    private static byte[] MiddlePiece()
    {
        byte[] data = [0x08, 0x01];
        var piece = new byte[WandbLogWriter.HeaderSize + data.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(piece, WandbLogWriter.Crc32(3, data));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(piece.AsSpan(4), (ushort)data.Length);
        piece[6] = 3;
        data.CopyTo(piece, WandbLogWriter.HeaderSize);
        return piece;
    }
}
