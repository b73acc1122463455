using IdeTracker.Core.Index;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Index;

public sealed class IndexStoreConcurrencyTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public async Task Readers_on_other_threads_never_fail_while_batches_are_written()
    {
        using var store = TestRuns.OpenStore(temp);
        var ws = store.WorkspaceRoot;
        var batches = Enumerable.Range(0, 40)
            .Select(b => Enumerable.Range(0, 25).Select(i => TestRuns.OneRun(ws, $"r{(b % 20 * 25) + i}", startOffsetMs: i)).ToList())
            .ToList();
        var someId = batches[0][0].Result.Runs[0].Id;
        using var writing = new CancellationTokenSource();
        var reads = 0;

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (!writing.IsCancellationRequested)
            {
                store.GetStores();
                store.GetRuns("mlflow:mlruns", "Default", null, 0, 50, "val_acc");
                store.GetRunDetails(someId, "val_acc");
                store.GetSeries(someId, "val_acc");
                store.GetCounts(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
                store.LoadUnits();
                Interlocked.Increment(ref reads);
            }
        })).ToArray();
        var writer = Task.Run(() =>
        {
            try
            {
                foreach (var batch in batches)
                {
                    // Let the readers run between batches so reads and writes really interleave.
                    var before = Volatile.Read(ref reads);
                    Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref reads) >= before + 3, TimeSpan.FromSeconds(30)));
                    store.WriteUnits(batch);
                }
            }
            finally
            {
                writing.Cancel();
            }
        });

        await Task.WhenAll([writer, .. readers]).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(500, store.GetRuns("mlflow:mlruns", "Default", null, 0, 1, null).Total);
    }

    public void Dispose() => temp.Dispose();
}
