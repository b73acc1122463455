using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Mlflow;

namespace IdeTracker.Core.Tests.Readers.Mlflow;

public sealed class MlflowDatabaseReaderTests : IDisposable
{
    private const string RunId = "0123456789abcdef0123456789abcdef";
    private const string ChildId = "fedcba9876543210fedcba9876543210";

    private readonly MlflowDatabaseFixture db = new();

    public void Dispose() => db.Dispose();

    [Fact]
    public void Reads_every_field_of_a_run_from_a_database_with_the_current_schema()
    {
        db.Experiment(0, "Default");
        db.Experiment(1, "churn model");
        db.Run(RunId, 1, status: "FAILED");
        db.Param(RunId, "lr", "0.01");
        db.Param(RunId, "model/layers", "12");
        db.Tag(RunId, "mlflow.source.name", "train.py");
        db.Tag(RunId, "mlflow.source.git.commit", "a2cb526d");
        db.Tag(RunId, "mlflow.note.content", "first try");
        db.Tag(RunId, "empty", null);

        var result = db.Read();

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal(RunIds.Make("mlflow", "project/mlflow.db", RunId), run.Id);
        Assert.Equal("mlflow", run.Source);
        Assert.Equal(RunId, run.NativeId);
        Assert.Equal(db.Path, run.StorePath);
        Assert.Equal("1", run.ExperimentId);
        Assert.Equal("churn model", run.Experiment);
        Assert.Equal("brave-owl-42", run.Name);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1698092677862), run.StartTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1698092683202), run.EndTime);
        Assert.Equal("alice", run.User);
        Assert.Equal("train.py", run.Command);
        Assert.Equal("a2cb526d", run.GitCommit);
        Assert.Equal("first try", run.Note);
        Assert.Equal(db.Path, run.Directory);
        Assert.Equal(db.Path, run.MetricsFile);
        Assert.Equal(new Dictionary<string, string> { ["lr"] = "0.01", ["model/layers"] = "12" }, run.Params);
        Assert.Equal("", run.Tags["empty"]);
        Assert.Equal(4, run.Tags.Count);
    }

    [Fact]
    public void Reads_metric_points_in_logged_order_with_nan_and_infinities_restored()
    {
        db.Experiment(0, "Default");
        db.Run(RunId, 0);
        db.Metric(RunId, "loss", 0.5, 100, 0);
        db.Metric(RunId, "loss", double.NaN, 200, 1);
        db.Metric(RunId, "acc", 0.25, 150, 0);
        db.Metric(RunId, "loss", double.PositiveInfinity, 300, 2);
        db.Metric(RunId, "loss", double.NegativeInfinity, 400, 3);
        db.Metric(RunId, "loss", 0.125, 500, 2);

        var run = Assert.Single(db.Read().Runs);

        Assert.Equal(
            [new MetricPoint(0, 100, 0.5), new MetricPoint(1, 200, double.NaN), new MetricPoint(2, 300, double.PositiveInfinity),
             new MetricPoint(3, 400, double.NegativeInfinity), new MetricPoint(2, 500, 0.125)],
            run.Metrics["loss"]);
        Assert.Equal([new MetricPoint(0, 150, 0.25)], run.Metrics["acc"]);
        Assert.Equal(double.NegativeInfinity, MetricSummary.Of(run.Metrics["loss"])!.Last);
    }

    [Theory]
    [InlineData("RUNNING", RunStatus.Running)]
    [InlineData("SCHEDULED", RunStatus.Scheduled)]
    [InlineData("FINISHED", RunStatus.Finished)]
    [InlineData("FAILED", RunStatus.Failed)]
    [InlineData("KILLED", RunStatus.Killed)]
    public void Maps_each_status_name(string name, RunStatus expected)
    {
        db.Experiment(0, "Default");
        db.Run(RunId, 0, status: name, endTime: null);

        var run = Assert.Single(db.Read().Runs);

        Assert.Equal(expected, run.Status);
        Assert.Null(run.EndTime);
    }

    [Fact]
    public void Links_nested_runs_and_names_runs_from_tags_then_ids()
    {
        db.Experiment(0, "Default");
        db.Run(RunId, 0, name: null, user: null);
        db.Tag(RunId, "mlflow.runName", "parent-from-tag");
        db.Tag(RunId, "mlflow.user", "bob");
        db.Run(ChildId, 0, name: null);
        db.Tag(ChildId, "mlflow.parentRunId", RunId);

        var runs = db.Read().Runs.ToDictionary(r => r.NativeId);

        Assert.Equal("parent-from-tag", runs[RunId].Name);
        Assert.Equal("bob", runs[RunId].User);
        Assert.Equal(ChildId, runs[ChildId].Name);
        Assert.Equal(runs[RunId].Id, runs[ChildId].ParentId);
        Assert.Null(runs[RunId].ParentId);
    }

    [Fact]
    public void Skips_deleted_runs_and_the_runs_of_deleted_experiments_unless_asked()
    {
        db.Experiment(0, "Default");
        db.Experiment(1, "gone", lifecycleStage: "deleted");
        db.Run(RunId, 0, lifecycleStage: "deleted");
        db.Run(ChildId, 1);
        db.Run("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0);
        db.Metric(RunId, "loss", 1, 1, 0);

        var active = db.Read();
        var all = db.Read(includeDeleted: true);

        Assert.Equal(["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"], active.Runs.Select(r => r.NativeId));
        Assert.Empty(active.Problems);
        Assert.Equal(3, all.Runs.Count);
        Assert.Single(all.Runs.Single(r => r.NativeId == RunId).Metrics["loss"]);
    }

    [Fact]
    public void Reads_a_database_with_the_first_schema_mlflow_shipped()
    {
        using var old = new MlflowDatabaseFixture(MlflowDatabaseFixture.FirstSchema);
        old.Experiment(0, "Default");
        old.Run(RunId, 0);
        old.Execute($"INSERT INTO metrics (key, value, timestamp, run_uuid) VALUES ('acc', 0.5, 10, '{RunId}'), ('acc', 0.75, 20, '{RunId}')");
        old.Param(RunId, "lr", "0.1");

        var result = old.Read();

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal([new MetricPoint(0, 10, 0.5), new MetricPoint(0, 20, 0.75)], run.Metrics["acc"]);
        Assert.Equal("0.1", run.Params["lr"]);
        Assert.Equal("Default", run.Experiment);
    }

    [Fact]
    public void Reports_each_missing_table_and_reads_what_is_there()
    {
        using var partial = new MlflowDatabaseFixture("CREATE TABLE runs (run_uuid VARCHAR(32) NOT NULL, name VARCHAR(250), status VARCHAR(9), experiment_id INTEGER);");
        partial.Execute($"INSERT INTO runs VALUES ('{RunId}', 'lonely', 'RUNNING', 0)");

        var result = partial.Read();

        var run = Assert.Single(result.Runs);
        Assert.Equal("lonely", run.Name);
        Assert.Equal(RunStatus.Running, run.Status);
        Assert.Null(run.Experiment);
        Assert.Equal(
            ["has no table 'experiments'", "has no table 'metrics'", "has no table 'params'", "has no table 'tags'"],
            result.Problems.Select(p => p.Message).Order());
        Assert.All(result.Problems, p => Assert.Equal(partial.Path, p.Path));
    }

    [Fact]
    public void Reports_a_database_without_any_mlflow_table_once()
    {
        using var other = new MlflowDatabaseFixture("CREATE TABLE notes (text TEXT);");

        var result = other.Read();

        Assert.Empty(result.Runs);
        Assert.Equal("has none of MLflow's tables; not an MLflow tracking database", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Reports_a_table_missing_a_needed_column_and_skips_only_that_table()
    {
        using var odd = new MlflowDatabaseFixture(MlflowDatabaseFixture.CurrentSchema.Replace(
            "CREATE TABLE params (\n    key VARCHAR(250) NOT NULL, value VARCHAR(8000) NOT NULL,",
            "CREATE TABLE params (\n    key VARCHAR(250) NOT NULL, val VARCHAR(8000) NOT NULL,"));
        odd.Experiment(0, "Default");
        odd.Run(RunId, 0);

        var result = odd.Read();

        Assert.Single(result.Runs);
        Assert.Equal("table 'params' has no column 'value'; its rows are skipped", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Stops_with_cancellation_when_asked()
    {
        db.Experiment(0, "Default");
        db.Run(RunId, 0);

        Assert.Throws<OperationCanceledException>(() =>
            new MlflowDatabaseReader().Read(db.Unit, new CancellationToken(canceled: true)));
    }
}
