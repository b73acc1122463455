using IdeTracker.Core.Annotations;
using IdeTracker.Core.Index;
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

    public void Dispose()
    {
        store.Dispose();
        temp.Dispose();
    }
}
