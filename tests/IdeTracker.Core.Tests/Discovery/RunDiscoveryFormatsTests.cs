using IdeTracker.Core.Discovery;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Discovery;

/// <summary>Discovery of the formats beyond MLflow and Lightning CSV, on folders the tests generate with the
/// marker files each tool writes (the content does not matter to discovery).</summary>
public sealed class RunDiscoveryFormatsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    // Stands in for the metric-log reader's sniffer: a file is a metric log when its first line names a step.
    private static readonly Func<string, bool> Sniff = path => File.ReadLines(path).FirstOrDefault()?.Split(',').Contains("epoch") == true;

    private readonly RunDiscovery _discovery = new(DiscoveryOptions.Default, Sniff);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_wandb_run_folder_is_one_unit_and_latest_run_does_not_add_a_second()
    {
        var run = WandbRun("wandb/run-20240101_120000-abc123");
        var offline = WandbRun("wandb/offline-run-20240102_120000-def456");
        File.CreateSymbolicLink(_dir.Combine("wandb", "latest-run"), run);
        _dir.Write("wandb/debug.log", "2024-01-01 12:00:00 INFO starting\n");

        var units = Discover();

        Assert.Equal(
            [
                new RunUnit(UnitFormats.WandbRun, offline, _dir.Combine("wandb"), _dir.Path),
                new RunUnit(UnitFormats.WandbRun, run, _dir.Combine("wandb"), _dir.Path),
            ],
            units);
    }

    [Fact]
    public void A_hydra_job_owns_the_loggers_inside_it_and_multirun_jobs_sit_under_their_sweep()
    {
        var single = HydraJob("outputs/2024-01-01/12-00-00");
        _dir.LightningVersion("outputs/2024-01-01/12-00-00/lightning_logs/version_0");
        _dir.Write("outputs/2024-01-01/12-00-00/events.out.tfevents.1.host.1.0", "x");
        var sweep = _dir.Combine("multirun", "2024-01-02", "08-30-00");
        _dir.Write("multirun/2024-01-02/08-30-00/multirun.yaml", "hydra:\n  mode: MULTIRUN\n");
        var job0 = HydraJob("multirun/2024-01-02/08-30-00/0");
        var job1 = HydraJob("multirun/2024-01-02/08-30-00/1");
        WandbRun("multirun/2024-01-02/08-30-00/1/wandb/run-20240102_083000-xyz");

        var units = Discover();

        Assert.Equal(
            [
                new RunUnit(UnitFormats.HydraSweep, sweep, _dir.Combine("multirun"), _dir.Path),
                new RunUnit(UnitFormats.HydraJob, job0, _dir.Combine("multirun"), _dir.Path),
                new RunUnit(UnitFormats.HydraJob, job1, _dir.Combine("multirun"), _dir.Path),
                new RunUnit(UnitFormats.HydraJob, single, _dir.Combine("outputs"), _dir.Path),
            ],
            units);
    }

    [Fact]
    public void A_hydra_output_folder_renamed_by_the_users_config_still_makes_a_job()
    {
        var job = _dir.Combine("runs", "exp", "a");
        _dir.Write("runs/exp/a/.hydra_cfg/hydra.yaml", "hydra: {}\n");
        _dir.Write("runs/exp/a/.hydra_cfg/config.yaml", "lr: 0.1\n");
        _dir.Write("runs/exp/b/not_hidden/hydra.yaml", "hydra: {}\n");
        _dir.Write("runs/exp/b/not_hidden/config.yaml", "lr: 0.1\n");

        Assert.Equal([new RunUnit(UnitFormats.HydraJob, job, _dir.Combine("runs"), _dir.Path)], Discover());
    }

    [Fact]
    public void Inside_a_hydra_job_the_walk_finds_its_loggers_with_the_real_workspace_root()
    {
        var job = HydraJob("outputs/2024-01-01/12-00-00");
        var version = _dir.LightningVersion("outputs/2024-01-01/12-00-00/lightning_logs/version_0");
        var wandb = WandbRun("outputs/2024-01-01/12-00-00/wandb/run-20240101_120000-abc");

        var inside = _discovery.DiscoverInside(job, _dir.Path, CancellationToken.None);

        Assert.Empty(inside.Problems);
        Assert.Equal([UnitFormats.LightningCsvVersion, UnitFormats.WandbRun], inside.Units.Select(u => u.Format));
        Assert.Equal([version, wandb], inside.Units.Select(u => u.Path));
        Assert.All(inside.Units, u => Assert.Equal(_dir.Path, u.WorkspaceRoot));
    }

    [Fact]
    public void Guild_runs_are_found_in_a_guild_home_and_own_the_event_files_below_them()
    {
        var run = GuildRun(".guild/runs/0123456789abcdef0123456789abcdef");
        _dir.Write(".guild/runs/0123456789abcdef0123456789abcdef/.guild/events.out.tfevents.1.host.1.0", "x");
        _dir.Write(".guild/runs/0123456789abcdef0123456789abcdef/logs/events.out.tfevents.2.host.1.0", "x");
        GuildRun(".guild/runs/0123456789abcdef0123456789abcdef/target");

        Assert.Equal([new RunUnit(UnitFormats.GuildRun, run, _dir.Combine(".guild", "runs"), _dir.Path)], Discover());
    }

    [Fact]
    public void Sacred_runs_are_found_and_the_observers_source_and_resource_folders_are_not_walked()
    {
        var run1 = SacredRun("sacred/1");
        var run2 = SacredRun("sacred/2");
        _dir.Write("sacred/_sources/train_0123.py", "print()");
        _dir.Write("sacred/_resources/history.csv", "epoch,loss\n0,1.5\n");
        _dir.Write("sacred/3/run.json", "{}");

        Assert.Equal(
            [
                new RunUnit(UnitFormats.SacredRun, run1, _dir.Combine("sacred"), _dir.Path),
                new RunUnit(UnitFormats.SacredRun, run2, _dir.Combine("sacred"), _dir.Path),
            ],
            Discover());
    }

    [Fact]
    public void A_dvc_project_is_one_unit_its_dvclive_folder_is_part_of_it_and_other_folders_are_still_walked()
    {
        _dir.Write("project/dvc.yaml", "stages: {}\n");
        _dir.Write("project/params.yaml", "lr: 0.1\n");
        _dir.Write("project/dvclive/metrics.json", "{\"acc\": 0.9}");
        _dir.Write("project/dvclive/plots/metrics/acc.tsv", "step\tacc\n0\t0.5\n");
        _dir.Write("project/dvclive/history.csv", "epoch,acc\n0,0.5\n");
        var version = _dir.LightningVersion("project/lightning_logs/version_0");
        _dir.Write("live-only/dvclive/metrics.json", "{\"acc\": 0.9}");

        Assert.Equal(
            [
                new RunUnit(UnitFormats.DvcProject, _dir.Combine("live-only"), _dir.Combine("live-only"), _dir.Path),
                new RunUnit(UnitFormats.DvcProject, _dir.Combine("project"), _dir.Combine("project"), _dir.Path),
                new RunUnit(UnitFormats.LightningCsvVersion, version, _dir.Combine("project"), _dir.Path),
            ],
            Discover());
    }

    [Fact]
    public void Tensorboard_runs_nest_and_each_folder_with_event_files_is_a_run()
    {
        _dir.Write("logs/fit/20240101-120000/train/events.out.tfevents.1.host.1.0.v2", "x");
        _dir.Write("logs/fit/20240101-120000/validation/events.out.tfevents.1.host.1.0.v2", "x");
        _dir.Write("runs/Jan01_12-00-00_host/events.out.tfevents.1.host.1.0", "x");
        _dir.Write("runs/Jan01_12-00-00_host/events.out.tfevents.2.host.1.0", "x");

        Assert.Equal(
            [
                new RunUnit(UnitFormats.TensorBoardRun, _dir.Combine("logs/fit/20240101-120000/train"), _dir.Combine("logs/fit"), _dir.Path),
                new RunUnit(UnitFormats.TensorBoardRun, _dir.Combine("logs/fit/20240101-120000/validation"), _dir.Combine("logs/fit"), _dir.Path),
                new RunUnit(UnitFormats.TensorBoardRun, _dir.Combine("runs/Jan01_12-00-00_host"), _dir.Path, _dir.Path),
            ],
            Discover());
    }

    [Fact]
    public void Metric_logs_are_the_candidate_files_the_sniffer_accepts_and_not_excluded()
    {
        var keras = _dir.Write("keras/training.log", "epoch,acc,loss\n0,0.5,1.2\n");
        _dir.Write("keras/console.log", "Epoch 1/10 ...\n");
        _dir.Write("data/table.csv", "id,name\n1,a\n");
        var history = _dir.Write("exp/history.csv", "epoch,val_loss\n0,0.3\n");
        _dir.Write("ignored/history.csv", "epoch,val_loss\n0,0.3\n");
        var discovery = new RunDiscovery(new DiscoveryOptions { ExcludeGlobs = ["ignored/*.csv"] }, Sniff);

        var units = discovery.Discover(_dir.Path, CancellationToken.None).Units;

        Assert.Equal(
            [
                new RunUnit(UnitFormats.MetricLogFile, history, _dir.Combine("exp"), _dir.Path),
                new RunUnit(UnitFormats.MetricLogFile, keras, _dir.Combine("keras"), _dir.Path),
            ],
            units);
        Assert.Empty(new RunDiscovery(DiscoveryOptions.Default).Discover(_dir.Path, CancellationToken.None).Units);
    }

    [Fact]
    public void A_sniffer_that_throws_costs_only_that_file()
    {
        _dir.Write("a/history.csv", "epoch,acc\n0,0.5\n");
        var discovery = new RunDiscovery(DiscoveryOptions.Default, _ => throw new InvalidDataException("boom"));

        var result = discovery.Discover(_dir.Path, CancellationToken.None);

        Assert.Empty(result.Units);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(_dir.Combine("a", "history.csv"), problem.Path);
        Assert.Contains("boom", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_inside_each_kind_of_unit_finds_the_unit_discovery_reports()
    {
        WandbRun("wandb/run-20240101_120000-abc123");
        HydraJob("outputs/2024-01-01/12-00-00");
        _dir.LightningVersion("outputs/2024-01-01/12-00-00/lightning_logs/version_0");
        _dir.Write("multirun/2024-01-02/08-30-00/multirun.yaml", "hydra: {}\n");
        HydraJob("multirun/2024-01-02/08-30-00/0");
        GuildRun(".guild/runs/0123456789abcdef0123456789abcdef");
        SacredRun("sacred/1");
        _dir.Write("project/dvc.yaml", "stages: {}\n");
        _dir.Write("project/dvclive/plots/metrics/acc.tsv", "step\tacc\n");
        _dir.Write("runs/Jan01/events.out.tfevents.1.host.1.0", "x");
        _dir.Write("keras/training.log", "epoch,acc\n0,0.5\n");

        var units = Discover();

        Assert.Equal(9, units.Count);
        foreach (var unit in units)
        {
            var inside = File.Exists(unit.Path) ? unit.Path : Directory.EnumerateFiles(unit.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Last();
            Assert.Equal(unit, _discovery.FindUnitContaining(_dir.Path, inside));
        }

        var job = _dir.Combine("outputs", "2024-01-01", "12-00-00");
        Assert.Equal(UnitFormats.HydraJob, _discovery.FindUnitContaining(_dir.Path, job + "/lightning_logs/version_0/metrics.csv")?.Format);
        Assert.Equal(UnitFormats.TensorBoardRun, _discovery.FindUnitContaining(_dir.Path, _dir.Combine("runs", "Jan01", "events.out.tfevents.9.host.1.0"))?.Format);
        Assert.Equal(UnitFormats.DvcProject, _discovery.FindUnitContaining(_dir.Path, _dir.Combine("project", "params.yaml"))?.Format);
        Assert.Equal(UnitFormats.HydraSweep, _discovery.FindUnitContaining(_dir.Path, _dir.Combine("multirun", "2024-01-02", "08-30-00", "multirun.yaml"))?.Format);
        Assert.Null(_discovery.FindUnitContaining(_dir.Path, _dir.Combine("keras", "notes.txt")));
    }

    private List<RunUnit> Discover()
    {
        var result = _discovery.Discover(_dir.Path, CancellationToken.None);
        Assert.Empty(result.Problems);
        return [.. result.Units];
    }

    private string WandbRun(string folder)
    {
        _dir.Write(folder + "/files/config.yaml", "wandb_version: 1\n");
        _dir.Write(folder + "/files/output.log", "training...\n");
        _dir.Write(folder + "/run-" + folder[^6..] + ".wandb", ":W&B");
        return _dir.Combine(folder);
    }

    private string HydraJob(string folder)
    {
        _dir.Write(folder + "/.hydra/config.yaml", "lr: 0.1\n");
        _dir.Write(folder + "/.hydra/hydra.yaml", "hydra:\n  job:\n    name: train\n");
        _dir.Write(folder + "/.hydra/overrides.yaml", "- lr=0.1\n");
        _dir.Write(folder + "/train.log", "[2024-01-01 12:00:00] started\n");
        return _dir.Combine(folder);
    }

    private string GuildRun(string folder)
    {
        _dir.Write(folder + "/.guild/attrs/op", "train\n");
        _dir.Write(folder + "/.guild/attrs/started", "1700000000000000\n");
        return _dir.Combine(folder);
    }

    private string SacredRun(string folder)
    {
        _dir.Write(folder + "/run.json", "{\"status\": \"COMPLETED\"}");
        _dir.Write(folder + "/config.json", "{\"seed\": 1}");
        _dir.Write(folder + "/cout.txt", "");
        return _dir.Combine(folder);
    }
}
