namespace IdeTracker.Core.Tests.Indexing;

public sealed class WorkspaceIndexerPathsTests : IDisposable
{
    private readonly FakeWorkspace ws = new();

    public WorkspaceIndexerPathsTests()
    {
        foreach (var name in new[] { "a", "b", "c" })
        {
            ws.AddUnit(name);
        }

        ws.Scan();
    }

    [Fact]
    public void A_changed_file_re_reads_only_its_unit_without_a_full_scan()
    {
        var file = Path.Combine(ws.UnitPath("b"), "run.txt");
        File.AppendAllLines(file, ["dropout=0.2"]);

        var result = ws.Changed(file);

        Assert.Equal((1, 1, 0, 1), (result.UnitsSeen, result.UnitsRead, result.UnitsRemoved, result.RunsWritten));
        Assert.Equal([ws.RunId("b")], result.ChangedRunIds);
        Assert.Equal(1, ws.Discovery.DiscoverCalls);
        Assert.Equal(2, ws.Reader.ReadsOf(ws.UnitPath("b")));
        Assert.Equal(4, ws.Reader.TotalReads);
        Assert.Equal("0.2", ws.Store.GetRunDetails(ws.RunId("b"), null)!.Params["dropout"]);
    }

    [Fact]
    public void A_reread_reads_the_named_units_whatever_their_stamps_and_skips_paths_the_index_does_not_hold()
    {
        var result = ws.Indexer.Reread(ws.Root, [ws.UnitPath("b"), ws.UnitPath("never-indexed")], CancellationToken.None);

        Assert.Equal((1, 1), (result.UnitsSeen, result.UnitsRead));
        Assert.Equal([ws.RunId("b")], result.ChangedRunIds);
        Assert.Equal(2, ws.Reader.ReadsOf(ws.UnitPath("b")));
        Assert.Equal(1, ws.Reader.ReadsOf(ws.UnitPath("a")));
    }

    [Fact]
    public void An_event_for_an_unchanged_file_reads_nothing()
    {
        var result = ws.Changed(Path.Combine(ws.UnitPath("a"), "run.txt"), ws.UnitPath("a"));

        Assert.Equal((1, 0), (result.UnitsSeen, result.UnitsRead));
        Assert.Empty(result.ChangedRunIds);
        Assert.Equal(3, ws.Reader.TotalReads);
    }

    [Fact]
    public void A_deleted_unit_folder_or_a_file_inside_it_removes_the_unit()
    {
        var b = ws.UnitPath("b");
        var c = ws.UnitPath("c");
        Directory.Delete(b, recursive: true);
        Directory.Delete(c, recursive: true);

        var byFolder = ws.Changed(b);
        var byFile = ws.Changed(Path.Combine(c, "run.txt"));

        Assert.Equal((0, 1), (byFolder.UnitsRead, byFolder.UnitsRemoved));
        Assert.Equal([ws.RunId("b")], byFolder.ChangedRunIds);
        Assert.Equal([ws.RunId("c")], byFile.ChangedRunIds);
        Assert.Equal([ws.UnitPath("a")], ws.Store.LoadUnits().Keys);
    }

    [Fact]
    public void A_deleted_store_folder_removes_every_unit_below_it()
    {
        Directory.Delete(ws.StorePath, recursive: true);

        var result = ws.Changed(ws.StorePath);

        Assert.Equal(3, result.UnitsRemoved);
        Assert.Equal(new[] { "a", "b", "c" }.Select(ws.RunId).Order(StringComparer.Ordinal), result.ChangedRunIds);
        Assert.Empty(ws.Store.GetStores());
    }

    [Fact]
    public void A_file_in_a_new_unit_adds_that_unit()
    {
        var d = ws.AddUnit("d", "lr=0.3");

        var result = ws.Changed(Path.Combine(d, "run.txt"));

        Assert.Equal([ws.RunId("d")], result.ChangedRunIds);
        Assert.Equal("0.3", ws.Store.GetRunDetails(ws.RunId("d"), null)!.Params["lr"]);
    }

    [Fact]
    public void A_file_every_unit_depends_on_re_reads_them_all()
    {
        var shared = Path.Combine(ws.StorePath, "shared.cfg");
        File.WriteAllText(shared, "v1");
        ws.Scan();

        File.WriteAllText(shared, "v2 is longer");
        var result = ws.Changed(shared);

        Assert.Equal((3, 3), (result.UnitsSeen, result.UnitsRead));
        Assert.Equal(9, ws.Reader.TotalReads);
    }

    [Fact]
    public void A_path_no_unit_relates_to_changes_nothing()
    {
        var readme = Path.Combine(ws.Root, "README.md");
        File.WriteAllText(readme, "notes");

        var result = ws.Changed(readme);

        Assert.Equal((0, 0, 0), (result.UnitsSeen, result.UnitsRead, result.UnitsRemoved));
        Assert.Equal(3, ws.Reader.TotalReads);
    }

    public void Dispose() => ws.Dispose();
}
