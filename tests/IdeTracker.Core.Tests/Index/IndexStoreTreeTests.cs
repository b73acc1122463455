using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Index;

public sealed class IndexStoreTreeTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly IndexStore store;

    public IndexStoreTreeTests()
    {
        store = TestRuns.OpenStore(temp);
    }

    [Fact]
    public void Runs_are_paged_newest_first_with_the_total()
    {
        var ws = store.WorkspaceRoot;
        store.WriteUnits([.. Enumerable.Range(0, 25).Select(i => TestRuns.OneRun(ws, $"r{i:D2}", startOffsetMs: i * 1000))]);

        var page = store.GetRuns("mlflow:mlruns", "Default", null, 10, 10, "val_acc");

        Assert.Equal(25, page.Total);
        Assert.Equal(10, page.Offset);
        Assert.Equal([.. Enumerable.Range(5, 10).Reverse().Select(i => $"run-r{i:D2}")], page.Items.Select(r => r.Name));
        Assert.All(page.Items, r => Assert.Equal(new MetricSummary(0.5, 0.75, 0.5, 0.75, 2, 1, TestRuns.StartMs + 1000), r.MainMetric));
        Assert.Equal(5, store.GetRuns("mlflow:mlruns", "Default", null, 20, 10, null).Items.Count);
        Assert.Empty(store.GetRuns("mlflow:mlruns", "Default", null, 30, 10, null).Items);
    }

    [Fact]
    public void Runs_starting_together_are_ordered_by_name_and_runs_without_start_come_last()
    {
        var ws = store.WorkspaceRoot;
        var units = new[] { "b", "a", "c" }.Select(n => TestRuns.Unit(ws, n)).ToList();
        var noStart = TestRuns.Run(units[2], "c");
        store.WriteUnits(
        [
            (units[0], TestRuns.Result(TestRuns.Run(units[0], "b"))),
            (units[1], TestRuns.Result(TestRuns.Run(units[1], "a"))),
            (units[2], TestRuns.Result(Copy(noStart, startTime: null))),
        ]);

        var names = store.GetRuns("mlflow:mlruns", "Default", null, 0, 10, null).Items.Select(r => r.Name);

        Assert.Equal(["run-a", "run-b", "run-c"], names);
    }

    [Fact]
    public void A_missing_main_metric_leaves_the_row_without_one()
    {
        store.WriteUnits([TestRuns.OneRun(store.WorkspaceRoot, "r1")]);

        Assert.Null(Assert.Single(store.GetRuns("mlflow:mlruns", "Default", null, 0, 10, "bleu").Items).MainMetric);
    }

    [Fact]
    public void Children_sit_under_their_parent_and_orphans_at_the_top()
    {
        var ws = store.WorkspaceRoot;
        var parentUnit = TestRuns.Unit(ws, "parent");
        var childUnits = Enumerable.Range(0, 3).Select(i => TestRuns.Unit(ws, $"child{i}")).ToList();
        var orphanUnit = TestRuns.Unit(ws, "orphan");
        var parent = TestRuns.Run(parentUnit, "parent", startOffsetMs: 0);
        store.WriteUnits(
        [
            (parentUnit, TestRuns.Result(parent)),
            .. childUnits.Select((u, i) => (u, TestRuns.Result(TestRuns.Run(u, $"child{i}", startOffsetMs: 10 + i, parentNativeId: "parent")))),
            (orphanUnit, TestRuns.Result(TestRuns.Run(orphanUnit, "orphan", startOffsetMs: 5, parentNativeId: "not-indexed"))),
        ]);

        var top = store.GetRuns("mlflow:mlruns", "Default", null, 0, 10, null);
        var children = store.GetRuns("mlflow:mlruns", "Default", parent.Id, 0, 2, null);

        Assert.Equal(["run-orphan", "run-parent"], top.Items.Select(r => r.Name));
        Assert.Equal([0, 3], top.Items.Select(r => r.ChildCount));
        Assert.Equal(3, children.Total);
        Assert.Equal(["run-child2", "run-child1"], children.Items.Select(r => r.Name));
        Assert.All(children.Items, c => Assert.Equal(parent.Id, c.ParentId));
        Assert.Equal(3, store.GetRunDetails(parent.Id, null)!.Run.ChildCount);
    }

    [Fact]
    public void A_child_moves_under_its_parent_when_the_parent_arrives_and_back_when_it_goes()
    {
        var ws = store.WorkspaceRoot;
        var parentUnit = TestRuns.Unit(ws, "parent");
        var childUnit = TestRuns.Unit(ws, "child");
        var parent = TestRuns.Run(parentUnit, "parent");
        store.WriteUnits([(childUnit, TestRuns.Result(TestRuns.Run(childUnit, "child", parentNativeId: "parent")))]);
        var before = TopNames();

        store.WriteUnits([(parentUnit, TestRuns.Result(parent))]);
        var withParent = TopNames();
        store.WriteUnits([(parentUnit, TestRuns.Result(parent))]);
        var parentRewritten = TopNames();
        store.RemoveUnits([parentUnit.Path]);
        var parentGone = TopNames();

        Assert.Equal(["run-child"], before);
        Assert.Equal(["run-parent"], withParent);
        Assert.Equal(["run-parent"], parentRewritten);
        Assert.Equal(["run-child"], parentGone);
    }

    [Fact]
    public void Stores_and_experiments_are_listed_with_their_run_counts()
    {
        var ws = store.WorkspaceRoot;
        var a = TestRuns.Unit(ws, "a");
        var b = TestRuns.Unit(ws, "b");
        var c = TestRuns.Unit(ws, "c");
        var other = TestRuns.Unit(ws, "x", store: Path.Combine("project", "mlruns"));
        store.WriteUnits(
        [
            (a, TestRuns.Result(TestRuns.Run(a, "a", experiment: "zeta", startOffsetMs: 100))),
            (b, TestRuns.Result(TestRuns.Run(b, "b", experiment: "zeta", startOffsetMs: 300))),
            (c, TestRuns.Result(TestRuns.Run(c, "c", experiment: null, startOffsetMs: 200))),
            (other, TestRuns.Result(TestRuns.Run(other, "x", experiment: "alpha"))),
        ]);

        Assert.Equal(
            [new StoreRow("mlflow:mlruns", "mlflow", "mlruns", 3), new StoreRow("mlflow:project/mlruns", "mlflow", "project/mlruns", 1)],
            store.GetStores());
        Assert.Equal(
            [
                new ExperimentRow("mlflow:mlruns", "zeta", 2, DateTimeOffset.FromUnixTimeMilliseconds(TestRuns.StartMs + 300)),
                new ExperimentRow("mlflow:mlruns", null, 1, DateTimeOffset.FromUnixTimeMilliseconds(TestRuns.StartMs + 200)),
            ],
            store.GetExperiments("mlflow:mlruns"));
        Assert.Equal(["run-c"], store.GetRuns("mlflow:mlruns", null, null, 0, 10, null).Items.Select(r => r.Name));
    }

    [Fact]
    public void All_run_details_are_ordered_by_store_experiment_and_start()
    {
        var ws = store.WorkspaceRoot;
        var units = new[] { "late", "early", "other" }.Select(n => TestRuns.Unit(ws, n)).ToList();
        var late = TestRuns.Run(units[0], "late", experiment: "b", startOffsetMs: 50);
        late.Tags["kind"] = "late";
        store.WriteUnits(
        [
            (units[0], TestRuns.Result(late)),
            (units[1], TestRuns.Result(TestRuns.Run(units[1], "early", experiment: "b", startOffsetMs: 10))),
            (units[2], TestRuns.Result(TestRuns.Run(units[2], "other", experiment: "a", startOffsetMs: 99))),
        ]);

        var all = store.GetAllRunDetails("val_acc");

        Assert.Equal(["run-other", "run-early", "run-late"], all.Select(d => d.Run.Name));
        Assert.Equal(new Dictionary<string, string> { ["kind"] = "late" }, all[2].Tags);
        Assert.All(all, d => Assert.Equal("0.01", d.Params["lr"]));
        Assert.All(all, d => Assert.Equal(0.75, d.Metrics["val_acc"].Last));
        Assert.All(all, d => Assert.Equal(0.75, d.Run.MainMetric!.Last));
    }

    private IEnumerable<string> TopNames() =>
        store.GetRuns("mlflow:mlruns", "Default", null, 0, 10, null).Items.Select(r => r.Name);

    public void Dispose()
    {
        store.Dispose();
        temp.Dispose();
    }

    private static Run Copy(Run run, DateTimeOffset? startTime)
    {
        var copy = new Run
        {
            Id = run.Id,
            Source = run.Source,
            NativeId = run.NativeId,
            StorePath = run.StorePath,
            Experiment = run.Experiment,
            Name = run.Name,
            StartTime = startTime,
            Directory = run.Directory,
        };
        return copy;
    }
}
