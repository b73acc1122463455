using IdeTracker.Core.Discovery;
using IdeTracker.Core.Index;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Indexing;

/// <summary>A folder that appears whole (copied in, unpacked) raises an event for itself and maybe none for
/// the files inside: its runs must still be found, with the real discovery and readers.</summary>
public sealed class NewFolderIndexingTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly string workspace;
    private readonly string store;
    private readonly IndexStore index;

    public NewFolderIndexingTests()
    {
        workspace = temp.Combine("ws");
        store = Path.Combine(workspace, "mlruns");
        RunFixtures.WriteMlflowExperiment(store, "0", "Default");
        RunFixtures.WriteMlflowRun(store, "0", new string('a', 32), "first");
        index = IndexStore.Open(temp.Combine("index.db"), workspace);
        Engine.CreateIndexer(index, DiscoveryOptions.Default).IndexWorkspace(workspace, null, CancellationToken.None);
    }

    private int RunCount() => index.GetCounts(DateTimeOffset.UtcNow, TimeSpan.Zero).Runs;

    [Fact]
    public void A_new_experiment_folder_brings_all_its_runs()
    {
        RunFixtures.WriteMlflowExperiment(store, "7", "copied");
        RunFixtures.WriteMlflowRun(store, "7", new string('b', 32), "b");
        RunFixtures.WriteMlflowRun(store, "7", new string('c', 32), "c");

        var result = Engine.CreateIndexer(index, DiscoveryOptions.Default)
            .IndexPaths(workspace, [Path.Combine(store, "7")], CancellationToken.None);

        Assert.Equal(2, result.RunsWritten);
        Assert.Equal(3, RunCount());
    }

    [Fact]
    public void A_new_store_folder_brings_all_its_runs()
    {
        var second = Path.Combine(workspace, "project", "mlruns");
        RunFixtures.WriteMlflowExperiment(second, "0", "Default");
        RunFixtures.WriteMlflowRun(second, "0", new string('d', 32), "d");

        Engine.CreateIndexer(index, DiscoveryOptions.Default)
            .IndexPaths(workspace, [Path.Combine(workspace, "project")], CancellationToken.None);

        Assert.Equal(2, RunCount());
        Assert.Contains(index.GetStores(), s => s.Path == "project/mlruns");
    }

    [Fact]
    public void Run_ids_from_a_new_folder_match_those_of_a_full_scan()
    {
        RunFixtures.WriteMlflowExperiment(store, "7", "copied");
        RunFixtures.WriteMlflowRun(store, "7", new string('b', 32), "b");
        var indexer = Engine.CreateIndexer(index, DiscoveryOptions.Default);
        indexer.IndexPaths(workspace, [Path.Combine(store, "7")], CancellationToken.None);
        var idsAfterEvent = index.GetAllRunDetails(null).Select(r => r.Run.Id).Order().ToList();

        var full = indexer.IndexWorkspace(workspace, null, CancellationToken.None);

        Assert.Equal(0, full.UnitsRead);
        Assert.Equal(idsAfterEvent, index.GetAllRunDetails(null).Select(r => r.Run.Id).Order().ToList());
    }

    [Fact]
    public void A_new_folder_inside_node_modules_is_not_looked_into()
    {
        var hidden = Path.Combine(workspace, "node_modules", "pkg", "mlruns");
        RunFixtures.WriteMlflowExperiment(hidden, "0", "Default");
        RunFixtures.WriteMlflowRun(hidden, "0", new string('e', 32), "e");

        Engine.CreateIndexer(index, DiscoveryOptions.Default)
            .IndexPaths(workspace, [Path.Combine(workspace, "node_modules", "pkg")], CancellationToken.None);

        Assert.Equal(1, RunCount());
    }

    public void Dispose()
    {
        index.Dispose();
        temp.Dispose();
    }
}
