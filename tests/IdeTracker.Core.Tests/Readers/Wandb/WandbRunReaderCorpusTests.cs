using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Wandb;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Wandb;

/// <summary>The real W&amp;B store of the corpus. Expected values were checked by hand: the log contents with
/// check_wandb_corpus.py (beside this file), which decodes the framing and the protobuf wire format on its
/// own, and the rest by reading the files (config.yaml, wandb-summary.json, wandb-metadata.json,
/// requirements.txt). Where a history exists, its last values equal wandb-summary.json's, except for the
/// killed run hwq5osyv whose summary outlived its log.</summary>
public sealed class WandbRunReaderCorpusTests
{
    private const string Project = "Lion and Adam";

    [Fact]
    public void Every_folder_gives_one_run_with_a_distinct_id()
    {
        var results = WandbCorpus.Folders.Select(f => new WandbRunReader(FixedTime.Later).Read(WandbCorpus.UnitOf(f), CancellationToken.None)).ToList();

        Assert.Equal(9, results.Count);
        var runs = results.Select(r => Assert.Single(r.Runs)).ToList();
        Assert.Equal(9, runs.Select(r => r.Id).Distinct().Count());
        Assert.All(runs, r =>
        {
            Assert.Equal("wandb", r.Source);
            Assert.Equal(WandbCorpus.Store, r.StorePath);
            Assert.Equal(r.Name, r.NativeId);
            Assert.Null(r.GitCommit);
            Assert.Null(r.GitDirty);
            Assert.Equal("orvietoa", r.User);
            Assert.Equal("mark.inf.ethz.ch", r.Host);
        });

        // Only the two killed runs have a log that does not end cleanly.
        Assert.Equal(["hwq5osyv", "5kjwspgj"], results.Where(r => r.Problems.Count > 0).Select(r => r.Runs[0].NativeId));
    }

    [Fact]
    public void Exit_records_make_every_finished_process_a_failed_run()
    {
        // The exit records say exit code 1 (tdnogiww, u1c25l6f, xpeipnem) and 255 (ruzz7bps): all failed.
        foreach (var id in (string[])["tdnogiww", "u1c25l6f", "xpeipnem", "ruzz7bps"])
        {
            var run = Assert.Single(WandbCorpus.Read(id).Runs);
            Assert.Equal(RunStatus.Failed, run.Status);
            Assert.Equal(Project, run.Experiment);
        }

        // tdnogiww: start 1680047168.551005 + 40 s of runtime is before its last console line at 1680047209.539.
        var tdnogiww = Assert.Single(WandbCorpus.Read("tdnogiww").Runs);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1680047168551), tdnogiww.StartTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1680047209539), tdnogiww.EndTime);
        Assert.Empty(tdnogiww.Metrics);
    }

    [Fact]
    public void Ruzz7bps_has_its_whole_history_and_its_run_record()
    {
        var result = WandbCorpus.Read("ruzz7bps");

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal("ruzz7bps", run.Name);
        Assert.Equal(Project, run.Experiment);
        Assert.Equal(Project, run.ExperimentId);

        // RunRecord.start_time = 1680048106 s + 627411000 ns; the exit record's runtime is 107 s, but the last
        // console line came later, at 1680048214.386 (the history's last _timestamp is 1680048214.327).
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1680048106627), run.StartTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1680048214386), run.EndTime);

        // 1750 history rows, each with lr, train_loss_local, grad_norm_square; steps 0…1749.
        Assert.Equal(["grad_norm_square", "lr", "train_loss_local"], run.Metrics.Keys.Order(StringComparer.Ordinal));
        Assert.All(run.Metrics.Values, series => Assert.Equal(1750, series.Count));
        Assert.Equal(Enumerable.Range(0, 1750).Select(s => (long)s), run.Metrics["lr"].Select(p => p.Step));
        Assert.Equal(new MetricPoint(1749, 1680048214327, 0.7088568210601807), run.Metrics["train_loss_local"][^1]);
        Assert.Equal(new MetricPoint(1749, 1680048214327, 5.576715805838397), run.Metrics["grad_norm_square"][^1]);
        Assert.Equal(0.001, run.Metrics["lr"][^1].Value);
        Assert.Equal(Path.Combine(WandbCorpus.FolderOf("ruzz7bps"), "run-ruzz7bps.wandb"), run.MetricsFile);
        Assert.Empty(run.Media);
    }

    [Fact]
    public void Config_yaml_values_are_params_and_its_wandb_key_is_environment()
    {
        var run = Assert.Single(WandbCorpus.Read("ruzz7bps").Runs);

        Assert.Equal(new Dictionary<string, string>
        {
            ["dataset"] = "IMDB",
            ["epochs"] = "10",
            ["optimizer.bs"] = "4",
            ["optimizer.lr"] = "0.001",
            ["optimizer.method"] = "adam",
            ["project"] = "IMDB",
            ["seed"] = "67",
            ["use_wandb"] = "true",
        }, run.Params);
        Assert.Equal("0.14.0", run.Environment["wandb"]);
        Assert.Equal("torch", run.Environment["framework"]);
    }

    [Fact]
    public void Metadata_gives_the_command_user_host_and_environment()
    {
        var run = Assert.Single(WandbCorpus.Read("5kjwspgj").Runs);

        // wandb-metadata.json: program "/local/home/orvietoa/lion/main.py", args [].
        Assert.Equal("/local/home/orvietoa/lion/main.py", run.Command);
        Assert.Equal("Linux-5.4.0-45-generic-x86_64-with-glibc2.10", run.Environment["os"]);
        Assert.Equal("3.8.5", run.Environment["python"]);
        Assert.Equal("10.2.89", run.Environment["cuda"]);
        Assert.Equal("Tesla P100-PCIE-16GB", run.Environment["gpu"]);
        Assert.Equal("8", run.Environment["gpu_count"]);
        Assert.Equal("28", run.Environment["cpu_count"]);
        Assert.Equal("/local/home/orvietoa/miniconda3/bin/python", run.Environment["executable"]);
    }

    [Fact]
    public void Requirements_give_every_pinned_package()
    {
        var run = Assert.Single(WandbCorpus.Read("tdnogiww").Runs);

        // requirements.txt: 133 lines, every one "name==version".
        Assert.Equal(133, run.Packages.Count);
        Assert.Equal("1.10.0", run.Packages["torch"]);
        Assert.Equal("1.20.2", run.Packages["numpy"]);
        Assert.Equal("0.14.0", run.Packages["wandb"]);
    }

    [Fact]
    public void A_killed_run_keeps_the_records_before_its_split_last_record()
    {
        var result = WandbCorpus.Read("hwq5osyv");

        var run = Assert.Single(result.Runs);
        Assert.Equal(RunStatus.Killed, run.Status);

        // The log ends at byte 1,310,720 (40 full blocks) inside a record whose FIRST piece starts at 1310570.
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.StartsWith("at byte 1310570: ", problem.Message);
        Assert.EndsWith("run-hwq5osyv.wandb", problem.Path);

        // 3872 history rows were complete; the last at step 3871, _timestamp 1680048170.973416.
        Assert.Equal(3872, run.Metrics["train_loss_local"].Count);
        Assert.Equal(new MetricPoint(3871, 1680048170973, 0.6980257034301758), run.Metrics["train_loss_local"][^1]);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1680048170973), run.EndTime);

        // The summary went on to step 12441 with two keys the log never got to: one point each, from the summary.
        Assert.Equal([new MetricPoint(12441, 1680048618505, 0.7217581039071634)], run.Metrics["train_loss_epoch"]);
        Assert.Equal([new MetricPoint(12441, 1680048618505, 0.5)], run.Metrics["test_acc_epoch"]);
    }

    [Fact]
    public void A_killed_run_whose_last_record_is_cut_off_is_read_up_to_it()
    {
        var result = WandbCorpus.Read("5kjwspgj");

        var run = Assert.Single(result.Runs);
        Assert.Equal(RunStatus.Killed, run.Status);

        // The file is 1687 bytes; the header at 1680 announces 2517 bytes of data that never came.
        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("at byte 1680: ", problem.Message);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);

        Assert.Equal([new MetricPoint(0, 1680048435142, 1.2008519172668457)], run.Metrics["train_loss_local"]);
        Assert.Equal([new MetricPoint(0, 1680048435142, 933.7988137416395)], run.Metrics["grad_norm_square"]);
        Assert.Equal("adam", run.Params["optimizer.method"]);
    }

    [Fact]
    public void A_copied_killed_run_is_still_killed_though_its_files_are_new()
    {
        // The copy's files are written now; what the log recorded inside (2023) still shows it is long dead.
        using var copy = new TempDirectory();
        var folder = copy.Combine("wandb", Path.GetFileName(WandbCorpus.FolderOf("hwq5osyv")));
        CopyTree(WandbCorpus.FolderOf("hwq5osyv"), folder);
        File.SetLastWriteTimeUtc(Path.Combine(folder, "run-hwq5osyv.wandb"), DateTime.UtcNow);

        var result = new WandbRunReader().Read(new RunUnit(UnitFormats.WandbRun, folder, Path.GetDirectoryName(folder)!, copy.Path), CancellationToken.None);

        Assert.Equal(RunStatus.Killed, Assert.Single(result.Runs).Status);
    }

    [Fact]
    public void A_folder_without_a_log_has_its_summary_as_one_point_metrics_and_an_unknown_status()
    {
        var result = WandbCorpus.Read("r8mtbfdx");

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal(RunStatus.Unknown, run.Status);
        Assert.Equal(WandbRunBuilder.DefaultExperiment, run.Experiment);
        Assert.Null(run.ExperimentId);
        Assert.Equal(Path.Combine(WandbCorpus.FolderOf("r8mtbfdx"), "files", "wandb-summary.json"), run.MetricsFile);

        // wandb-metadata.json startedAt "2023-03-28T23:53:19.348510" (UTC); summary _timestamp 1680050233.1159117, _step 62509.
        Assert.Equal(new DateTimeOffset(2023, 3, 28, 23, 53, 19, TimeSpan.Zero).AddTicks(3485100), run.StartTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1680050233115), run.EndTime);
        Assert.Equal(["grad_norm_square", "lr", "test_acc_epoch", "train_loss_epoch", "train_loss_local"], run.Metrics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([new MetricPoint(62509, 1680050233115, 0.83648)], run.Metrics["test_acc_epoch"]);
        Assert.Equal([new MetricPoint(62509, 1680050233115, 0.0010167383588850498)], run.Metrics["train_loss_local"]);
        Assert.Equal("0.0003", run.Params["optimizer.lr"]);
    }

    [Fact]
    public void Stamps_list_the_log_and_the_small_files_but_not_the_console_output()
    {
        var folder = WandbCorpus.FolderOf("ruzz7bps");

        var stamps = new WandbRunReader().Stamp(WandbCorpus.UnitOf(folder));

        Assert.Equal(
            ["run-ruzz7bps.wandb", "config.yaml", "wandb-summary.json", "wandb-metadata.json", "requirements.txt"],
            stamps.Select(s => Path.GetFileName(s.Path)));
        Assert.Equal(646763, stamps[0].Size);
        Assert.Equal(stamps, new WandbRunReader().Read(WandbCorpus.UnitOf(folder), CancellationToken.None).Files);
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
