using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Index;

public sealed class IndexStoreBatchReadTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly IndexStore store;
    private readonly Run[] runs;

    public IndexStoreBatchReadTests()
    {
        store = TestRuns.OpenStore(temp);
        var ws = store.WorkspaceRoot;
        var units = Enumerable.Range(0, 4).Select(i => TestRuns.Unit(ws, $"r{i}")).ToArray();
        runs = [.. units.Select((u, i) => TestRuns.Run(u, $"r{i}", startOffsetMs: (3 - i) * 1000, parentNativeId: i == 3 ? "r0" : null))];
        runs[1].Params["batch_size"] = "64";
        runs[1].Tags["team"] = "vision";
        runs[1].Packages["torch"] = "2.3.0";
        runs[2].Metrics["loss"] = [new MetricPoint(0, 0, double.NaN), new MetricPoint(5, 10, 0.25)];
        store.WriteUnits([.. units.Select((u, i) => (u, TestRuns.Result(runs[i])))]);
    }

    public void Dispose()
    {
        store.Dispose();
        temp.Dispose();
    }

    [Fact]
    public void Details_of_many_runs_come_in_the_order_asked_each_once_without_unknown_ids()
    {
        var details = store.GetRunDetailsByIds([runs[2].Id, "unknown", runs[1].Id, runs[2].Id], "val_acc");

        Assert.Equal([runs[2].Id, runs[1].Id], details.Select(d => d.Run.Id));
        Assert.Equal("64", details[1].Params["batch_size"]);
        Assert.Equal("vision", details[1].Tags["team"]);
        Assert.Equal("2.3.0", details[1].Packages["torch"]);
        Assert.False(details[0].Params.ContainsKey("batch_size"));
        Assert.Equal(0.25, details[0].Metrics["loss"].Last);
        Assert.Equal(0.75, details[0].Run.MainMetric!.Last);
    }

    [Fact]
    public void Details_of_many_runs_match_the_single_run_read()
    {
        var single = store.GetRunDetails(runs[1].Id, "val_acc")!;
        var batch = Assert.Single(store.GetRunDetailsByIds([runs[1].Id], "val_acc"));

        Assert.Equal(single.Run, batch.Run);
        Assert.Equal(single.Params, batch.Params);
        Assert.Equal(single.Metrics, batch.Metrics);
        Assert.Equal(single.Tags, batch.Tags);
        Assert.Equal(single.Packages, batch.Packages);
    }

    [Fact]
    public void Tree_rows_of_many_runs_come_in_the_order_asked()
    {
        var rows = store.GetRunRowsByIds([runs[3].Id, runs[0].Id, "nope"], null);

        Assert.Equal(["run-r3", "run-r0"], rows.Select(r => r.Name));
        Assert.Equal(runs[0].Id, rows[0].ParentId);
        Assert.Equal(1, rows[1].ChildCount);
    }

    [Fact]
    public void Series_blobs_are_read_for_every_asked_run_and_key_that_exists()
    {
        var series = new List<(string RunId, string Key, MetricPoint[] Points)>();
        store.ForEachSeriesBlob(
            [runs[1].Id, runs[2].Id, "nope"],
            ["loss", "val_acc", "bleu"],
            (runId, key, blob) =>
            {
                var points = new MetricPoint[SeriesBlob.PointCount(blob)];
                SeriesBlob.DecodeInto(blob, points);
                series.Add((runId, key, points));
            },
            CancellationToken.None);

        Assert.Equal(
            [(runs[1].Id, "val_acc"), (runs[2].Id, "loss"), (runs[2].Id, "val_acc")],
            series.Select(s => (s.RunId, s.Key)).Order());
        var loss = series.Single(s => s.Key == "loss").Points;
        Assert.True(double.IsNaN(loss[0].Value));
        Assert.Equal(new MetricPoint(5, 10, 0.25), loss[1]);
    }

    [Fact]
    public void Reading_series_stops_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var seen = 0;

        Assert.Throws<OperationCanceledException>(() =>
            store.ForEachSeriesBlob([runs[1].Id], ["val_acc"], (_, _, _) => seen++, cancelled.Token));
        Assert.Equal(0, seen);
    }

    [Fact]
    public void Annotation_marks_are_read_when_present()
    {
        using (var raw = TestRuns.OpenRaw(store.DatabasePath))
        using (var command = raw.CreateCommand())
        {
            command.CommandText = """
                INSERT INTO annotations(run_id, starred, note, file) VALUES ($a, 1, 'good', 'a.json'), ($b, 0, NULL, 'b.json');
                INSERT INTO annotation_tags(run_id, tag) VALUES ($b, 'seed-sweep'), ($b, 'baseline'), ($c, 'orphan-tag');
                """;
            command.Parameters.AddWithValue("$a", runs[0].Id);
            command.Parameters.AddWithValue("$b", runs[1].Id);
            command.Parameters.AddWithValue("$c", runs[2].Id);
            command.ExecuteNonQuery();
        }

        var marks = store.GetAnnotationMarks([runs[0].Id, runs[1].Id, runs[2].Id, runs[3].Id]);

        Assert.Equal(new RunAnnotationMark(runs[0].Id, true, []), marks[runs[0].Id] with { Tags = [] });
        Assert.Empty(marks[runs[0].Id].Tags);
        Assert.False(marks[runs[1].Id].Starred);
        Assert.Equal(["baseline", "seed-sweep"], marks[runs[1].Id].Tags);
        Assert.Equal(["orphan-tag"], marks[runs[2].Id].Tags);
        Assert.False(marks.ContainsKey(runs[3].Id));
    }

    [Fact]
    public void An_experiments_runs_with_params_come_by_start_time_child_runs_included()
    {
        var rows = store.GetExperimentRunParams("mlflow:mlruns", "Default");

        Assert.Equal([runs[3].Id, runs[2].Id, runs[1].Id, runs[0].Id], rows.Select(r => r.Id));
        Assert.Equal("64", rows[2].Params["batch_size"]);
        Assert.All(rows, r => Assert.Equal("0.01", r.Params["lr"]));
        Assert.Empty(store.GetExperimentRunParams("mlflow:mlruns", "Other"));
    }
}
