using IdeTracker.Core.Discovery;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Discovery;

public sealed class RunDiscoveryStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly RunDiscovery _discovery = new(DiscoveryOptions.Default);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_store_is_recognised_by_its_experiment_meta_whatever_the_folder_is_called()
    {
        var a = _dir.MlflowRun("tracking/store_b", "7", RunFolders.RunId(1));
        _dir.MlflowExperiment("tracking/store_b", "7");

        var units = _discovery.Discover(_dir.Path, CancellationToken.None).Units;

        Assert.Equal([new RunUnit(UnitFormats.MlflowFileRun, a, _dir.Combine("tracking", "store_b"), _dir.Path)], units);
    }

    [Fact]
    public void Trash_the_model_registry_and_the_non_run_folders_of_an_experiment_are_not_runs()
    {
        var run = _dir.MlflowRun("mlruns", "0", RunFolders.RunId(1));
        _dir.MlflowExperiment("mlruns", "0");
        _dir.MlflowExperiment("mlruns/.trash", "5");
        _dir.MlflowRun("mlruns/.trash", "5", RunFolders.RunId(2));
        _dir.MlflowRun("mlruns", ".trash", RunFolders.RunId(3));
        _dir.Write("mlruns/models/my-model/meta.yaml", "name: my-model\n");
        _dir.Write("mlruns/models/my-model/version-1/meta.yaml", "experiment_id: '0'\nversion: 1\n");
        foreach (var notRun in new[] { "datasets", "traces", "models", "tags" })
        {
            // A meta.yaml right inside too, so only the folder's name keeps it from being a run.
            _dir.Write($"mlruns/0/{notRun}/meta.yaml", "experiment_id: '0'\nrun_id: x\n");
            _dir.Write($"mlruns/0/{notRun}/x/meta.yaml", "experiment_id: '0'\nrun_id: x\n");
        }

        var units = _discovery.Discover(_dir.Path, CancellationToken.None).Units;

        Assert.Equal([run], units.Select(u => u.Path));
    }

    [Fact]
    public void Nothing_below_the_run_level_is_looked_at()
    {
        var run = _dir.MlflowRun("mlruns", "0", RunFolders.RunId(1));
        _dir.MlflowExperiment("mlruns", "0");

        // A logged model and a whole store logged as an artifact, each with meta.yaml files of their own.
        _dir.Write($"mlruns/0/{RunFolders.RunId(1)}/artifacts/model/meta.yaml", "experiment_id: '0'\n");
        _dir.MlflowExperiment($"mlruns/0/{RunFolders.RunId(1)}/artifacts/inner", "1");
        _dir.MlflowRun($"mlruns/0/{RunFolders.RunId(1)}/artifacts/inner", "1", RunFolders.RunId(9));
        _dir.LightningVersion($"mlruns/0/{RunFolders.RunId(1)}/artifacts/lightning_logs/version_0");

        var units = _discovery.Discover(_dir.Path, CancellationToken.None).Units;

        Assert.Equal([run], units.Select(u => u.Path));
    }

    [Fact]
    public void A_run_folder_needs_meta_yaml_but_not_a_hex_id()
    {
        _dir.MlflowExperiment("mlruns", "0");
        var named = _dir.MlflowRun("mlruns", "0", "my-run");
        Directory.CreateDirectory(_dir.Combine("mlruns", "0", RunFolders.RunId(5), "metrics"));

        var units = _discovery.Discover(_dir.Path, CancellationToken.None).Units;

        Assert.Equal([named], units.Select(u => u.Path));
    }

    [Fact]
    public void An_experiment_folder_without_meta_yaml_holds_no_runs()
    {
        _dir.MlflowExperiment("mlruns", "0");
        var kept = _dir.MlflowRun("mlruns", "0", RunFolders.RunId(1));
        _dir.Write($"mlruns/3/{RunFolders.RunId(2)}/meta.yaml", "experiment_id: '3'\nrun_id: x\n");

        var units = _discovery.Discover(_dir.Path, CancellationToken.None).Units;

        Assert.Equal([kept], units.Select(u => u.Path));
    }

    [Fact]
    public void A_store_given_as_the_workspace_root_is_still_a_store()
    {
        var run = _dir.MlflowRun("mlruns", "4", RunFolders.RunId(1));
        _dir.MlflowExperiment("mlruns", "4");
        var root = _dir.Combine("mlruns");

        var units = _discovery.Discover(root, CancellationToken.None).Units;

        Assert.Equal([new RunUnit(UnitFormats.MlflowFileRun, run, root, root)], units);
    }

    [Fact]
    public void Finds_every_run_of_a_ten_thousand_run_store()
    {
        _dir.MlflowExperiment("mlruns", "0");
        for (var i = 0; i < 10_000; i++)
        {
            _dir.Write($"mlruns/0/{RunFolders.RunId(i)}/meta.yaml", "experiment_id: '0'\nrun_id: x\n");
        }

        var units = _discovery.Discover(_dir.Path, CancellationToken.None).Units;

        Assert.Equal(10_000, units.Count);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => _dir.Combine("mlruns", "0", RunFolders.RunId(i))), units.Select(u => u.Path));
    }

    [Fact]
    public void Mlflow_db_files_are_units_and_their_sqlite_companions_are_not()
    {
        var top = _dir.Write("mlflow.db", "SQLite format 3\0");
        _dir.Write("mlflow.db-wal", "");
        _dir.Write("mlflow.db-shm", "");
        var nested = _dir.Write("tracking/mlflow.db", "SQLite format 3\0");
        _dir.Write("tracking/other.db", "SQLite format 3\0");

        var units = _discovery.Discover(_dir.Path, CancellationToken.None).Units;

        Assert.Equal(
            [new RunUnit(UnitFormats.MlflowDatabase, top, top, _dir.Path), new RunUnit(UnitFormats.MlflowDatabase, nested, nested, _dir.Path)],
            units);
    }

    [Fact]
    public void A_version_folder_with_event_files_and_no_metrics_csv_is_a_tensorboard_run()
    {
        _dir.Write("tb/lightning_logs/version_0/hparams.yaml", "lr: 0.1\n");
        _dir.Write("tb/lightning_logs/version_0/events.out.tfevents.1725116185.host.1.0", "x");
        var both = _dir.LightningVersion("tb/lightning_logs/version_1");
        _dir.Write("tb/lightning_logs/version_1/events.out.tfevents.1725116185.host.2.0", "x");
        var hparamsOnly = _dir.LightningVersion("csv/my_model/version_12", withMetrics: false);
        _dir.Write("csv/my_model/version_x/metrics.csv", "step\n");
        _dir.Write("csv/my_model/version_/metrics.csv", "step\n");
        Directory.CreateDirectory(_dir.Combine("csv", "my_model", "version_13"));

        var units = _discovery.Discover(_dir.Path, CancellationToken.None).Units;

        Assert.Equal(
            [
                new RunUnit(UnitFormats.LightningCsvVersion, hparamsOnly, _dir.Combine("csv"), _dir.Path),
                new RunUnit(UnitFormats.TensorBoardRun, _dir.Combine("tb", "lightning_logs", "version_0"), _dir.Combine("tb"), _dir.Path),
                new RunUnit(UnitFormats.LightningCsvVersion, both, _dir.Combine("tb"), _dir.Path),
            ],
            units);
    }

    [Fact]
    public void A_csv_logger_folder_with_a_version_name_of_its_own_is_a_lightning_version()
    {
        var named = _dir.LightningVersion("logs/my_model/baseline-3");

        var units = _discovery.Discover(_dir.Path, CancellationToken.None).Units;

        Assert.Equal([new RunUnit(UnitFormats.LightningCsvVersion, named, _dir.Combine("logs"), _dir.Path)], units);
    }
}
