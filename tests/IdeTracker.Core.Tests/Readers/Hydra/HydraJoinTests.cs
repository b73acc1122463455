using IdeTracker.Core.Discovery;
using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Hydra;

/// <summary>Hydra jobs joined with the loggers that wrote into them, through discovery, the real readers and the
/// index. The corpus has no multirun job folders, so these workspaces are generated: a sweep whose jobs each hold a
/// Lightning CSVLogger version, and a single run holding an MLflow store.</summary>
public sealed class HydraJoinTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly string workspace;
    private readonly IndexStore index;

    public HydraJoinTests()
    {
        workspace = temp.Combine("ws");
        index = IndexStore.Open(temp.Combine("index.db"), workspace);
    }

    public void Dispose()
    {
        index.Dispose();
        temp.Dispose();
    }

    [Fact]
    public void A_sweeps_jobs_are_its_children_each_one_run_with_hydras_params_and_the_loggers_metrics()
    {
        var sweep = Path.Combine(workspace, "multirun", "2024-05-01", "10-00-00");
        Write(Path.Combine(sweep, "multirun.yaml"), "hydra:\n  job:\n    name: train\n  overrides:\n    task:\n    - lr=0.1,0.01\nmodel: resnet\n");
        for (var job = 0; job < 2; job++)
        {
            var lr = job == 0 ? "0.1" : "0.01";
            var folder = Path.Combine(sweep, job.ToString(System.Globalization.CultureInfo.InvariantCulture));
            WriteHydra(folder, $"lr: {lr}\nmodel: resnet\n", "train", [$"lr={lr}"], job);
            var version = Path.Combine(folder, "lightning_logs", "version_0");
            Write(Path.Combine(version, "hparams.yaml"), $"lr: {lr}\nextra_from_lightning: 7\n");
            Write(Path.Combine(version, "metrics.csv"), $"epoch,step,val_acc\n0,9,0.{5 + job}\n1,19,0.{7 + job}\n");
        }

        Index();
        var runs = index.GetAllRunDetails(null);

        Assert.Equal(3, runs.Count);
        Assert.All(runs, r => Assert.Equal("hydra", r.Run.Source));
        var parent = Assert.Single(runs, r => r.Run.ParentId is null);
        Assert.Equal("sweep 2024-05-01/10-00-00", parent.Run.Name);
        var jobs = runs.Where(r => r.Run.ParentId == parent.Run.Id).OrderBy(r => r.Run.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(["#0", "#1"], jobs.Select(r => r.Run.Name));
        Assert.Equal("0.1", jobs[0].Params["lr"]);
        Assert.Equal("7", jobs[0].Params["extra_from_lightning"]);
        Assert.Equal(2, jobs[0].Metrics["val_acc"].Count);
        Assert.Equal(0.7, jobs[0].Metrics["val_acc"].Last);
        Assert.Equal(0.8, jobs[1].Metrics["val_acc"].Last);
        Assert.Equal("train", jobs[1].Run.Experiment);
        Assert.EndsWith(Path.Combine("1", "lightning_logs", "version_0", "metrics.csv"), jobs[1].MetricsFile, StringComparison.Ordinal);
        Assert.Equal(2, index.GetRuns(jobs[0].Run.StoreKey, "train", parent.Run.Id, 0, 10, null).Total);
    }

    [Fact]
    public void A_single_run_with_an_mlflow_store_inside_takes_the_mlflow_runs_status_times_and_metrics()
    {
        var job = Path.Combine(workspace, "outputs", "2024-05-02", "09-15-00");
        WriteHydra(job, "optimizer:\n  lr: 0.003\n  name: adam\n", "fit", ["optimizer.lr=0.003"], null);
        var store = Path.Combine(job, "mlruns");
        RunFixtures.WriteMlflowExperiment(store, "0", "Default");
        RunFixtures.WriteMlflowRun(store, "0", new string('e', 32), "inner", status: 4, startMs: 1714641300000, endMs: 1714641900000,
            parameters: new Dictionary<string, string> { ["optimizer.lr"] = "0.003", ["seed"] = "1" },
            metrics: new Dictionary<string, double[]> { ["loss"] = [1.5, 0.9, double.NaN] });

        Index();
        var run = Assert.Single(index.GetAllRunDetails(null));

        Assert.Equal("hydra", run.Run.Source);
        Assert.Equal("2024-05-02/09-15-00", run.Run.Name);
        Assert.Equal("fit", run.Run.Experiment);
        Assert.Equal(RunStatus.Failed, run.Run.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1714641300000), run.Run.StartTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1714641900000), run.Run.EndTime);
        Assert.Equal("adam", run.Params["optimizer.name"]);
        Assert.Equal("1", run.Params["seed"]);
        Assert.Equal(3, run.Metrics["loss"].Count);
        Assert.Equal("tester", run.User);
    }

    [Fact]
    public void A_logger_appearing_inside_a_known_job_changes_the_job_and_adds_no_run_of_its_own()
    {
        var job = Path.Combine(workspace, "outputs", "2024-05-03", "11-00-00");
        WriteHydra(job, "lr: 0.5\n", "train", ["lr=0.5"], null);
        Index();
        var before = Assert.Single(index.GetAllRunDetails(null));
        Assert.Empty(before.Metrics);

        var version = Path.Combine(job, "lightning_logs", "version_0");
        Write(Path.Combine(version, "metrics.csv"), "epoch,step,val_loss\n0,4,0.25\n");
        var result = Engine.CreateIndexer(index, DiscoveryOptions.Default)
            .IndexPaths(workspace, [Path.Combine(version, "metrics.csv")], CancellationToken.None);

        Assert.Equal([before.Run.Id], result.ChangedRunIds);
        var after = Assert.Single(index.GetAllRunDetails(null));
        Assert.Equal(0.25, after.Metrics["val_loss"].Last);
    }

    private void Index() => Engine.CreateIndexer(index, DiscoveryOptions.Default).IndexWorkspace(workspace, null, CancellationToken.None);

    private static void WriteHydra(string job, string config, string jobName, string[] overrides, int? jobNum)
    {
        Write(Path.Combine(job, ".hydra", "config.yaml"), config);
        var task = string.Concat(overrides.Select(o => $"    - {o}\n"));
        var num = jobNum is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "???";
        Write(Path.Combine(job, ".hydra", "hydra.yaml"), $"hydra:\n  overrides:\n    task:\n{task}  job:\n    name: {jobName}\n    num: {num}\n  runtime:\n    version: 1.3.2\n");
        Write(Path.Combine(job, ".hydra", "overrides.yaml"), string.Concat(overrides.Select(o => $"- {o}\n")));
        Write(Path.Combine(job, jobName + ".log"), "[2024-05-01 10:00:00,000][__main__][INFO] - started\n");
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
