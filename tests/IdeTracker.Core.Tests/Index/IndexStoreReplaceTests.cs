using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Index;

public sealed class IndexStoreReplaceTests : IDisposable
{
    private static readonly string[] RowTables = ["runs", "params", "metric_summaries", "metric_series", "tags", "files", "problems"];

    private readonly TempDirectory temp = new();
    private readonly IndexStore store;

    public IndexStoreReplaceTests()
    {
        store = TestRuns.OpenStore(temp);
    }

    [Fact]
    public void Rewriting_a_unit_replaces_all_its_rows_and_reports_old_and_new_runs()
    {
        var unit = TestRuns.Unit(store.WorkspaceRoot, "db", store: "mlflow.db");
        var first = Rich(unit, "one", "two");
        store.WriteUnits([(unit, first)]);
        Assert.Equal([2, 2, 2, 2, 2, 1, 1], RowCounts());

        var written = store.WriteUnits([(unit, Rich(unit, "two", "three"))]);

        Assert.Equal(2, written.RunsWritten);
        Assert.Equal(new[] { "one", "two", "three" }.Select(n => IdOf(unit, n)).Order(), written.ChangedRunIds.Order());
        Assert.Equal([2, 2, 2, 2, 2, 1, 1], RowCounts());
        Assert.Null(store.GetRunDetails(IdOf(unit, "one"), null));
        Assert.NotNull(store.GetRunDetails(IdOf(unit, "three"), null));
        Assert.Equal(1, TestRuns.Count(store.DatabasePath, "SELECT count(*) FROM units"));
    }

    [Fact]
    public void Removing_units_deletes_their_rows_and_returns_their_run_ids()
    {
        var ws = store.WorkspaceRoot;
        var a = TestRuns.Unit(ws, "a");
        var b = TestRuns.Unit(ws, "b");
        store.WriteUnits([(a, Rich(a, "a")), (b, Rich(b, "b"))]);

        var removed = store.RemoveUnits([a.Path, Path.Combine(ws, "never-indexed")]);

        Assert.Equal([IdOf(a, "a")], removed);
        Assert.Equal([1, 1, 1, 1, 1, 1, 1], RowCounts());
        Assert.Equal([b.Path], store.LoadUnits().Keys);
        Assert.Null(store.GetRunDetails(IdOf(a, "a"), null));
    }

    [Fact]
    public void A_run_id_already_held_by_another_unit_is_skipped_with_a_problem()
    {
        var ws = store.WorkspaceRoot;
        var a = TestRuns.Unit(ws, "a");
        var copy = TestRuns.Unit(ws, "a", experimentId: "1");
        store.WriteUnits([(a, TestRuns.Result(TestRuns.Run(a, "a")))]);

        var written = store.WriteUnits([(copy, TestRuns.Result(TestRuns.Run(copy, "a", name: "impostor")))]);

        Assert.Equal(0, written.RunsWritten);
        Assert.Equal("run-a", store.GetRunDetails(IdOf(a, "a"), null)!.Run.Name);
        var problem = Assert.Single(store.GetProblems());
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.Contains("already read from mlruns/0/a", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_problems_are_replaced_and_unit_problems_kept()
    {
        var ws = store.WorkspaceRoot;
        var unit = TestRuns.Unit(ws, "a");
        store.WriteUnits([(unit, Rich(unit, "a"))]);
        store.ReplaceScanProblems([new Problem(Path.Combine(ws, "old"), 0, "old scan problem")]);

        store.ReplaceScanProblems([new Problem(Path.Combine(ws, "new"), 0, "cannot list folder")]);

        Assert.Equal(["cannot list folder", "unit problem"], store.GetProblems().Select(p => p.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_files_outside_a_units_folder_get_a_row_yet_a_change_to_any_of_them_finds_the_unit()
    {
        var ws = store.WorkspaceRoot;
        var unit = TestRuns.Unit(ws, "a");
        var inside = Path.Combine(unit.Path, "metrics", "loss");
        var outside = Path.Combine(ws, ".git", "refs", "heads", "main");
        var result = TestRuns.Result(TestRuns.Run(unit, "a"));
        result.Files.Add(new FileStamp(inside, 10, 638_000_000_000_000_000));
        result.Files.Add(new FileStamp(outside, 41, 638_000_000_100_000_000));
        result.Files.Add(new FileStamp(unit.Path + "-sibling", 1, 1));
        result.Files.Add(new FileStamp(Path.Combine(unit.Path, ".git", "HEAD"), 41, 638_000_000_200_000_000));
        store.WriteUnits([(unit, result)]);

        Assert.Equal(2, TestRuns.Count(store.DatabasePath, "SELECT count(*) FROM files"));
        Assert.Equal([unit.Path], store.FindUnitPathsRelatedTo(inside));
        Assert.Equal([unit.Path], store.FindUnitPathsRelatedTo(outside));
        Assert.Equal([unit.Path], store.FindUnitPathsRelatedTo(unit.Path + "-sibling"));
        Assert.Equal(4, store.LoadUnits()[unit.Path].FileCount);
        // The refs outside the folder and the git files inside it are newer, but only the run's own files say when
        // it was last written.
        Assert.Equal(new DateTimeOffset(638_000_000_000_000_000, TimeSpan.Zero), store.GetRunDetails(IdOf(unit, "a"), null)!.Run.LastWrite);
    }

    public void Dispose()
    {
        store.Dispose();
        temp.Dispose();
    }

    private static string IdOf(RunUnit unit, string nativeId) =>
        RunIds.Make("mlflow", PathText.RelativeOrSelf(unit.WorkspaceRoot, unit.StorePath), nativeId);

    /// <summary>One unit's read with a param, a metric and a tag per run, one file from outside its folder (the only
    /// kind the files table keeps a row for) and one problem.</summary>
    private static UnitReadResult Rich(RunUnit unit, params string[] nativeIds)
    {
        var result = TestRuns.Result([.. nativeIds.Select(id => TestRuns.Run(unit, id))]);
        foreach (var run in result.Runs)
        {
            run.Tags["t"] = run.NativeId;
        }

        result.Files.Add(new FileStamp(Path.Combine(unit.Path, "meta.yaml"), 1, 2));
        result.Files.Add(new FileStamp(Path.Combine(unit.StorePath, "shared", Path.GetFileName(unit.Path) + ".cfg"), 1, 2));
        result.Problems.Add(new Problem(unit.Path, 1, "unit problem"));
        return result;
    }

    private long[] RowCounts() => [.. RowTables.Select(t => TestRuns.Count(store.DatabasePath, $"SELECT count(*) FROM {t}"))];
}
