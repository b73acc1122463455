using IdeTracker.Server.Lsp;

namespace IdeTracker.Server.Tests.Lsp;

public sealed class RequestQueueTests
{
    [Fact]
    public async Task Mutations_run_one_at_a_time_in_arrival_order()
    {
        using var queue = new RequestQueue();
        var gate = new TaskCompletionSource();
        var order = new List<int>();

        var first = queue.MutateAsync(async _ => { await gate.Task; lock (order) { order.Add(1); } return 1; }, CancellationToken.None);
        var second = queue.MutateAsync(_ => { lock (order) { order.Add(2); } return Task.FromResult(2); }, CancellationToken.None);
        Assert.False(second.IsCompleted);
        gate.SetResult();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1, 2], order);
    }

    [Fact]
    public async Task Reads_do_not_wait_for_a_running_mutation()
    {
        using var queue = new RequestQueue();
        var gate = new TaskCompletionSource();
        var mutation = queue.MutateAsync(async _ => { await gate.Task; return 0; }, CancellationToken.None);

        var read = await queue.ReadAsync(_ => 42, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(42, read);
        Assert.False(mutation.IsCompleted);
        gate.SetResult();
        await mutation.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_queued_mutation_is_cancelled_by_its_token()
    {
        using var queue = new RequestQueue();
        var gate = new TaskCompletionSource();
        var running = queue.MutateAsync(async _ => { await gate.Task; return 0; }, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var queued = queue.MutateAsync(_ => Task.FromResult(1), cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(TimeSpan.FromSeconds(10)));
        gate.SetResult();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Shutdown_cancels_work_in_flight()
    {
        using var queue = new RequestQueue();
        var started = new TaskCompletionSource();
        var work = queue.MutateAsync(async token => { started.SetResult(); await Task.Delay(Timeout.Infinite, token); return 0; }, CancellationToken.None);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        queue.CancelAll();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => work.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
