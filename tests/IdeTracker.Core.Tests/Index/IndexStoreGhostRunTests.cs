using IdeTracker.Core.Annotations;
using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Index;

public sealed class IndexStoreGhostRunTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly IndexStore store;

    public IndexStoreGhostRunTests() => store = TestRuns.OpenStore(temp);

    [Fact]
    public void A_ghost_parent_keeps_its_children_under_it_and_gives_them_back_to_the_top_level_when_its_annotation_goes()
    {
        var ws = store.WorkspaceRoot;
        var parentUnit = TestRuns.Unit(ws, "p");
        var childUnit = TestRuns.Unit(ws, "c");
        var parent = TestRuns.Run(parentUnit, "p");
        store.WriteUnits([(parentUnit, TestRuns.Result(parent)), (childUnit, TestRuns.Result(TestRuns.Run(childUnit, "c", parentNativeId: "p")))]);
        var details = store.GetRunDetails(parent.Id, null)!;
        var file = Path.Combine(AnnotationFolder.Of(ws), parent.Id + ".json");
        store.ReplaceAnnotations([new AnnotationRow(parent.Id, true, [], null, file, RunSnapshots.From(details, ws, DateTimeOffset.UnixEpoch))], []);

        store.RemoveUnits([parentUnit.Path]);

        var top = store.GetRuns("mlflow:mlruns", "Default", null, 0, 10, null);
        var ghost = Assert.Single(top.Items);
        Assert.Equal((parent.Id, true, 1), (ghost.Id, ghost.Gone, ghost.ChildCount));
        Assert.Single(store.GetRuns("", null, parent.Id, 0, 10, null).Items);

        store.ReplaceAnnotations([], []);

        Assert.Equal(["run-c"], store.GetRuns("mlflow:mlruns", "Default", null, 0, 10, null).Items.Select(r => r.Name));
    }

    [Fact]
    public void A_gone_child_run_stays_under_its_parent()
    {
        var (parentUnit, childUnit, parent, child) = WriteParentAndChild();
        store.ReplaceAnnotations([Starred(child.Id)], []);

        store.RemoveUnits([childUnit.Path]);

        var top = Assert.Single(store.GetRuns("mlflow:mlruns", "Default", null, 0, 10, null).Items);
        Assert.Equal((parent.Id, false, 1), (top.Id, top.Gone, top.ChildCount));
        var ghost = Assert.Single(store.GetRuns("", null, parent.Id, 0, 10, null).Items);
        Assert.Equal((child.Id, true, parent.Id), (ghost.Id, ghost.Gone, ghost.ParentId));
    }

    [Fact]
    public void A_gone_child_of_a_gone_parent_hangs_under_the_parent_s_ghost_whichever_is_restored_first()
    {
        var (parentUnit, childUnit, parent, child) = WriteParentAndChild();
        var rows = new List<AnnotationRow> { Starred(child.Id), Starred(parent.Id) };
        store.RemoveUnits([parentUnit.Path, childUnit.Path]);

        foreach (var order in new[] { rows, Enumerable.Reverse(rows).ToList() })
        {
            store.ReplaceAnnotations([], []);
            store.ReplaceAnnotations(order, []);

            var top = Assert.Single(store.GetRuns("mlflow:mlruns", "Default", null, 0, 10, null).Items);
            Assert.Equal((parent.Id, true, 1), (top.Id, top.Gone, top.ChildCount));
            Assert.Equal(child.Id, Assert.Single(store.GetRuns("", null, parent.Id, 0, 10, null).Items).Id);
        }
    }

    [Fact]
    public void A_gone_child_goes_to_the_top_level_when_its_unannotated_parent_goes_too()
    {
        var (parentUnit, childUnit, parent, child) = WriteParentAndChild();
        store.ReplaceAnnotations([Starred(child.Id)], []);
        store.RemoveUnits([childUnit.Path]);

        store.RemoveUnits([parentUnit.Path]);

        var top = Assert.Single(store.GetRuns("mlflow:mlruns", "Default", null, 0, 10, null).Items);
        Assert.Equal((child.Id, true), (top.Id, top.Gone));
    }

    /// <summary>Indexes run "p" and its child "c", each in a unit of its own.</summary>
    private (RunUnit ParentUnit, RunUnit ChildUnit, Run Parent, Run Child) WriteParentAndChild()
    {
        var ws = store.WorkspaceRoot;
        var parentUnit = TestRuns.Unit(ws, "p");
        var childUnit = TestRuns.Unit(ws, "c");
        var parent = TestRuns.Run(parentUnit, "p");
        var child = TestRuns.Run(childUnit, "c", parentNativeId: "p");
        store.WriteUnits([(parentUnit, TestRuns.Result(parent)), (childUnit, TestRuns.Result(child))]);
        return (parentUnit, childUnit, parent, child);
    }

    /// <summary>A starred annotation of an indexed run, with the snapshot it would keep.</summary>
    private AnnotationRow Starred(string runId)
    {
        var ws = store.WorkspaceRoot;
        var snapshot = RunSnapshots.From(store.GetRunDetails(runId, null)!, ws, DateTimeOffset.UnixEpoch);
        return new AnnotationRow(runId, true, [], null, Path.Combine(AnnotationFolder.Of(ws), runId + ".json"), snapshot);
    }

    public void Dispose()
    {
        store.Dispose();
        temp.Dispose();
    }
}
