namespace IdeTracker.Server.Lsp;

/// <summary>State-changing requests run one at a time, in arrival order; reads do not queue here and run
/// concurrently against the index. Every token is linked to the shutdown token.</summary>
public sealed class RequestQueue : IDisposable
{
    private readonly SemaphoreSlim _mutations = new(1, 1);
    private readonly CancellationTokenSource _shutdown = new();

    public CancellationToken ShutdownToken => _shutdown.Token;

    public async Task<T> MutateAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
        await _mutations.WaitAsync(linked.Token).ConfigureAwait(false);
        try
        {
            return await work(linked.Token).ConfigureAwait(false);
        }
        finally
        {
            _mutations.Release();
        }
    }

    /// <summary>Runs a read on the thread pool (SQLite calls are synchronous) so the message loop keeps going.</summary>
    public async Task<T> ReadAsync<T>(Func<CancellationToken, T> work, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
        linked.Token.ThrowIfCancellationRequested();
        return await Task.Run(() => work(linked.Token), linked.Token).ConfigureAwait(false);
    }

    public void CancelAll() => _shutdown.Cancel();

    public void Dispose()
    {
        _shutdown.Dispose();
        _mutations.Dispose();
    }
}
