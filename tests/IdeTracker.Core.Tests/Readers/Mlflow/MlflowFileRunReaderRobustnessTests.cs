using IdeTracker.Core.Readers.Mlflow;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Mlflow;

public sealed class MlflowFileRunReaderRobustnessTests : IDisposable
{
    private const string RunId = "0123456789abcdef0123456789abcdef";

    private readonly MlflowFileStoreFixture store = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public void Reports_a_run_folder_deleted_before_it_is_read()
    {
        store.Experiment("0");
        var folder = store.Run("0", RunId);
        store.Write($"0/{RunId}/metrics/acc", "1 0.5 0\n");
        var unit = store.Unit(folder);
        Directory.Delete(folder, recursive: true);

        var reader = new MlflowFileRunReader();
        var stamps = reader.Stamp(unit);
        var result = reader.Read(unit, CancellationToken.None);

        Assert.Empty(result.Runs);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(folder, problem.Path);
        Assert.Equal("run folder disappeared before it was read", problem.Message);
        Assert.Equal([Path.Combine(store.Store, "0", "meta.yaml")], stamps.Select(s => s.Path));
    }

    [Fact]
    public void Reports_a_whole_store_deleted_before_it_is_read()
    {
        store.Experiment("0");
        var folder = store.Run("0", RunId);
        Directory.Delete(store.Store, recursive: true);

        var reader = new MlflowFileRunReader();
        var result = reader.Read(store.Unit(folder), CancellationToken.None);

        Assert.Empty(reader.Stamp(store.Unit(folder)));
        Assert.Empty(result.Runs);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Reports_a_run_folder_without_meta_yaml()
    {
        store.Experiment("0");
        var folder = Path.GetDirectoryName(store.Write($"0/{RunId}/params/lr", "0.1"))!;
        folder = Path.GetDirectoryName(folder)!;

        var result = store.Read(folder);

        Assert.Empty(result.Runs);
        Assert.Equal("run folder has no meta.yaml; not read as a run", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Reports_files_that_vanish_between_listing_and_reading_and_reads_the_rest()
    {
        store.Experiment("0");
        var folder = store.Run("0", RunId);
        store.Write($"0/{RunId}/metrics/acc", "1 0.5 0\n");
        store.Write($"0/{RunId}/params/lr", "0.1");
        // A dangling link is listed like a file but cannot be opened, as a file deleted after listing.
        var goneMetric = Path.Combine(folder, "metrics", "gone");
        var goneParam = Path.Combine(folder, "params", "gone");
        File.CreateSymbolicLink(goneMetric, Path.Combine(store.Workspace, "no-such-file"));
        File.CreateSymbolicLink(goneParam, Path.Combine(store.Workspace, "no-such-file"));

        var result = store.Read(folder);

        var run = Assert.Single(result.Runs);
        Assert.Equal([new IdeTracker.Core.Model.MetricPoint(0, 1, 0.5)], run.Metrics["acc"]);
        Assert.Equal("0.1", run.Params["lr"]);
        Assert.False(run.Metrics.ContainsKey("gone"));
        Assert.Equal([goneMetric, goneParam], result.Problems.Select(p => p.Path).Order());
        Assert.All(result.Problems, p => Assert.Equal("disappeared while being read", p.Message));
    }

    [Fact]
    public void Never_writes_creates_or_touches_anything_in_the_corpus_stores()
    {
        var workspace = Corpus.PathOf("mlflow", "MLFlow_Framework");
        var before = StoreSnapshot.Of(workspace);
        var reader = new MlflowFileRunReader(includeDeleted: true);

        foreach (var store in new[] { "mlruns", "z_mlruns" })
        {
            foreach (var unit in MlflowStores.RunUnits(Path.Combine(workspace, store), workspace))
            {
                reader.Stamp(unit);
                reader.Read(unit, CancellationToken.None);
            }
        }

        Assert.Equal(before, StoreSnapshot.Of(workspace));
        Assert.False(Directory.Exists(Path.Combine(workspace, "mlruns", ".trash")));
    }

    [Fact]
    public void Never_writes_into_a_damaged_store_either()
    {
        store.Experiment("0");
        var folder = store.Run("0", RunId, "run_id: " + RunId + "\nstatus: x\n");
        store.Write($"0/{RunId}/metrics/acc", "1 0.5 0\nbad\n");
        var before = StoreSnapshot.Of(store.Workspace);

        store.Read(folder);

        Assert.Equal(before, StoreSnapshot.Of(store.Workspace));
    }

    [Fact]
    public void Reads_the_same_runs_from_many_threads_at_once()
    {
        var workspace = Corpus.PathOf("mlflow", "MLFlow_Framework");
        var units = MlflowStores.RunUnits(Path.Combine(workspace, "mlruns"), workspace);
        var reader = new MlflowFileRunReader();
        var expected = units.Select(u => reader.Read(u, CancellationToken.None).Runs.Single().Tags.Count).ToArray();

        var counts = new int[units.Count * 8];
        Parallel.For(0, counts.Length, i => counts[i] = reader.Read(units[i % units.Count], CancellationToken.None).Runs.Single().Tags.Count);

        Assert.Equal(Enumerable.Range(0, counts.Length).Select(i => expected[i % units.Count]), counts);
    }
}
