using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Index;

public sealed class IndexStoreBulkLoadTests : IDisposable
{
    private const string ValueIndexCount = """
        SELECT count(*) FROM sqlite_master
        WHERE type = 'index' AND name IN ('params_key_num', 'params_key_text', 'metric_summaries_key_last')
        """;

    private readonly TempDirectory temp = new();

    [Fact]
    public void A_bulk_load_builds_the_value_indexes_when_it_ends()
    {
        using var store = TestRuns.OpenStore(temp);
        Assert.Equal(3, TestRuns.Count(store.DatabasePath, ValueIndexCount));

        using (store.BeginBulkLoad())
        {
            store.WriteUnits([.. Enumerable.Range(0, 50).Select(i => TestRuns.OneRun(store.WorkspaceRoot, $"r{i}"))]);
            Assert.Equal(0, TestRuns.Count(store.DatabasePath, ValueIndexCount));
            Assert.Equal(50, store.GetMetricKeyCounts().Single().RunCount);
        }

        Assert.Equal(3, TestRuns.Count(store.DatabasePath, ValueIndexCount));
        Assert.Equal(50, TestRuns.Count(store.DatabasePath, "SELECT count(*) FROM params INDEXED BY params_key_num WHERE key = 'lr' AND num = 0.01"));
    }

    [Fact]
    public void An_interrupted_bulk_load_is_healed_at_the_next_open()
    {
        using (var store = TestRuns.OpenStore(temp))
        {
            store.BeginBulkLoad();
            store.WriteUnits([TestRuns.OneRun(store.WorkspaceRoot, "r")]);
        }

        using var reopened = TestRuns.OpenStore(temp);

        Assert.False(reopened.WasRebuilt);
        Assert.Equal(3, TestRuns.Count(reopened.DatabasePath, ValueIndexCount));
        Assert.Single(reopened.GetStores());
    }

    public void Dispose() => temp.Dispose();
}
