using IdeTracker.Core.Discovery;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Discovery;

public sealed class FindUnitContainingTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly RunDiscovery _discovery = new(new DiscoveryOptions { ExcludeGlobs = ["data/**"] });
    private readonly string _store;
    private readonly string _run;
    private readonly string _version;

    public FindUnitContainingTests()
    {
        _store = _dir.MlflowStore("mlruns", RunFolders.RunId(1));
        _run = _dir.Combine("mlruns", "0", RunFolders.RunId(1));
        _version = _dir.LightningVersion("logs/lightning_logs/version_3");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_file_of_an_mlflow_run_belongs_to_the_run()
    {
        var expected = new RunUnit(UnitFormats.MlflowFileRun, _run, _store, _dir.Path);

        Assert.Equal(expected, Find(_run + "/metrics/loss"));
        Assert.Equal(expected, Find(_run + "/meta.yaml"));
        Assert.Equal(expected, Find(_run));
        Assert.Equal(expected, Find(_run + "/artifacts/model/meta.yaml"));
        Assert.Equal(expected, Find(_run + "/tags/mlflow.runName"));
    }

    [Fact]
    public void A_file_of_a_lightning_version_belongs_to_the_version()
    {
        var expected = new RunUnit(UnitFormats.LightningCsvVersion, _version, _dir.Combine("logs"), _dir.Path);

        Assert.Equal(expected, Find(_version + "/metrics.csv"));
        Assert.Equal(expected, Find(_version + "/checkpoints/epoch=1.ckpt"));
        Assert.Equal(expected, Find(_version));
    }

    [Fact]
    public void The_database_and_its_sqlite_companions_belong_to_the_database()
    {
        var database = _dir.Write("tracking/mlflow.db", "");
        var expected = new RunUnit(UnitFormats.MlflowDatabase, database, database, _dir.Path);

        Assert.Equal(expected, Find(database));
        Assert.Equal(expected, Find(database + "-wal"));
        Assert.Equal(expected, Find(database + "-journal"));
    }

    [Fact]
    public void Paths_outside_every_unit_belong_to_none()
    {
        _dir.Write("src/train.py", "print()");
        _dir.MlflowExperiment("mlruns/.trash", "5");
        _dir.MlflowRun("mlruns/.trash", "5", RunFolders.RunId(2));
        _dir.Write("tb/lightning_logs/version_0/hparams.yaml", "lr: 0.1\n");
        _dir.Write("tb/lightning_logs/version_0/events.out.tfevents.1.host.1.0", "x");
        _dir.MlflowStore(".git/mlruns", RunFolders.RunId(3));
        _dir.MlflowStore("data/mlruns", RunFolders.RunId(4));

        Assert.Null(Find(_dir.Combine("src", "train.py")));
        Assert.Null(Find(_dir.Path));
        Assert.Null(Find(_store));
        Assert.Null(Find(_store + "/0/meta.yaml"));
        Assert.Null(Find(_store + "/0/tags/team"));
        Assert.Null(Find(_store + "/0/datasets/abc/meta.yaml"));
        Assert.Null(Find(_store + $"/.trash/5/{RunFolders.RunId(2)}/meta.yaml"));
        Assert.Null(Find(_store + "/models/my-model/version-1/meta.yaml"));
        Assert.Null(Find(_dir.Combine(".git", "mlruns", "0", RunFolders.RunId(3), "meta.yaml")));
        Assert.Null(Find(_dir.Combine("data", "mlruns", "0", RunFolders.RunId(4), "meta.yaml")));
        Assert.Null(Find(Path.GetDirectoryName(_dir.Path) + "/elsewhere/mlruns/0/x/meta.yaml"));
    }

    [Fact]
    public void Paths_that_no_longer_exist_are_placed_by_their_shape()
    {
        var deletedRun = _dir.Combine("mlruns", "0", RunFolders.RunId(7));
        var deletedVersion = _dir.Combine("logs", "lightning_logs", "version_9");
        var goneStore = _dir.Combine("old_mlruns");
        var goneRun = Path.Combine(goneStore, "2", RunFolders.RunId(8));

        Assert.Equal(new RunUnit(UnitFormats.MlflowFileRun, deletedRun, _store, _dir.Path), Find(deletedRun + "/metrics/loss"));
        Assert.Equal(new RunUnit(UnitFormats.MlflowFileRun, deletedRun, _store, _dir.Path), Find(deletedRun));
        Assert.Equal(new RunUnit(UnitFormats.LightningCsvVersion, deletedVersion, _dir.Combine("logs"), _dir.Path), Find(deletedVersion + "/metrics.csv"));
        Assert.Equal(new RunUnit(UnitFormats.MlflowFileRun, goneRun, goneStore, _dir.Path), Find(goneRun + "/meta.yaml"));
        Assert.Null(Find(_dir.Combine("gone", "notes", "today.txt")));
    }

    [Fact]
    public void Finds_the_same_unit_discovery_reports()
    {
        foreach (var unit in _discovery.Discover(_dir.Path, CancellationToken.None).Units)
        {
            Assert.Equal(unit, Find(unit.Path + "/meta.yaml"));
        }
    }

    private RunUnit? Find(string path) => _discovery.FindUnitContaining(_dir.Path, path);
}
