using IdeTracker.Core.Index;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Index;

public sealed class IndexStoreRebuildTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly List<string> log = [];

    private string DatabasePath => temp.Combine("cache", "index.db");

    [Fact]
    public void A_new_index_is_created_without_a_rebuild()
    {
        using var store = TestRuns.OpenStore(temp, log);

        Assert.False(store.WasRebuilt);
        Assert.Empty(log);
        Assert.Equal(DatabasePath, store.DatabasePath);
        Assert.Equal("wal", Scalar("PRAGMA journal_mode"));
        Assert.Equal(0x49445452L, Scalar("PRAGMA application_id"));
        Assert.Equal((long)IndexStore.SchemaVersion, Scalar("PRAGMA user_version"));
    }

    [Fact]
    public void Garbage_bytes_are_rebuilt()
    {
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        Directory.CreateDirectory(temp.Combine("cache"));
        File.WriteAllBytes(DatabasePath, garbage);
        File.WriteAllBytes(DatabasePath + "-wal", garbage[..100]);

        AssertRebuiltAndUsable("not an SQLite database");
    }

    [Fact]
    public void Another_applications_database_is_rebuilt()
    {
        Directory.CreateDirectory(temp.Combine("cache"));
        using (var connection = TestRuns.OpenRaw(DatabasePath))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "CREATE TABLE runs(id TEXT); INSERT INTO runs VALUES('theirs');";
            command.ExecuteNonQuery();
        }

        AssertRebuiltAndUsable("another application");
    }

    [Fact]
    public void An_index_of_another_schema_version_is_rebuilt()
    {
        WriteOneRunAndClose();
        Execute("PRAGMA user_version=999");

        AssertRebuiltAndUsable("schema version is 999");
    }

    [Fact]
    public void An_index_missing_a_table_is_rebuilt()
    {
        WriteOneRunAndClose();
        Execute("DROP TABLE tags");

        AssertRebuiltAndUsable("table tags is missing");
    }

    [Fact]
    public void A_truncated_index_is_rebuilt()
    {
        WriteOneRunAndClose(runs: 300);
        using (var file = File.Open(DatabasePath, FileMode.Open))
        {
            file.SetLength(file.Length / 2);
        }

        AssertRebuiltAndUsable("truncated");
    }

    [Fact]
    public void An_index_built_for_another_workspace_is_rebuilt()
    {
        WriteOneRunAndClose();

        using var store = IndexStore.Open(DatabasePath, temp.Combine("elsewhere"), log.Add);

        Assert.True(store.WasRebuilt);
        Assert.Contains("another workspace", Assert.Single(log), StringComparison.Ordinal);
        Assert.Empty(store.GetStores());
    }

    public void Dispose() => temp.Dispose();

    private void AssertRebuiltAndUsable(string reason)
    {
        using var store = TestRuns.OpenStore(temp, log);

        Assert.True(store.WasRebuilt);
        Assert.Contains(reason, Assert.Single(log), StringComparison.Ordinal);
        Assert.Empty(store.GetStores());
        var written = TestRuns.OneRun(store.WorkspaceRoot, "after");
        store.WriteUnits([written]);
        Assert.Equal("run-after", store.GetRunDetails(written.Result.Runs[0].Id, null)!.Run.Name);
    }

    private void WriteOneRunAndClose(int runs = 1)
    {
        using var store = TestRuns.OpenStore(temp);
        store.WriteUnits([.. Enumerable.Range(0, runs).Select(i => TestRuns.OneRun(store.WorkspaceRoot, $"r{i}"))]);
    }

    private object? Scalar(string sql)
    {
        using var connection = TestRuns.OpenRaw(DatabasePath);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var connection = TestRuns.OpenRaw(DatabasePath);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
