using IdeTracker.Server.Protocol;
using StreamJsonRpc;

namespace IdeTracker.Server.Lsp;

/// <summary>Server-initiated work-done progress: asks the client for a token, then sends begin, a few
/// throttled reports, and end. Does nothing when the client cannot show progress.</summary>
public sealed class WorkDoneProgress
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(100);
    private readonly JsonRpc? _rpc;
    private readonly string _token;
    private long _lastReport;
    private bool _begun;

    private WorkDoneProgress(JsonRpc? rpc, string? token = null)
    {
        _rpc = rpc;
        _token = token ?? "ideTracker/" + Guid.NewGuid().ToString("N");
    }

    /// <summary>Progress on a token the client made and sent with its request (<c>workDoneToken</c>): no create
    /// round trip. Without a token it does nothing.</summary>
    public static async Task<WorkDoneProgress> OnClientTokenAsync(JsonRpc? rpc, string? token, string title, string message, bool cancellable)
    {
        if (rpc is null || string.IsNullOrEmpty(token))
        {
            return new WorkDoneProgress(null);
        }

        return await new WorkDoneProgress(rpc, token).SendBeginAsync(title, message, cancellable).ConfigureAwait(false);
    }

    public static async Task<WorkDoneProgress> BeginAsync(JsonRpc rpc, bool supported, string title, string message, CancellationToken cancellationToken)
    {
        if (!supported)
        {
            return new WorkDoneProgress(null);
        }

        var progress = new WorkDoneProgress(rpc);
        try
        {
            await rpc.InvokeWithParameterObjectAsync<object?>(LspMethods.WorkDoneProgressCreate, new WorkDoneProgressCreateParams(progress._token), cancellationToken).ConfigureAwait(false);
        }
        catch (RemoteInvocationException)
        {
            return new WorkDoneProgress(null);
        }

        return await progress.SendBeginAsync(title, message, cancellable: false).ConfigureAwait(false);
    }

    private async Task<WorkDoneProgress> SendBeginAsync(string title, string message, bool cancellable)
    {
        await SendAsync(new WorkDoneProgressValue { Kind = "begin", Title = title, Message = message, Percentage = 0, Cancellable = cancellable }).ConfigureAwait(false);
        _begun = true;
        return this;
    }

    public void Report(string message, int percentage)
    {
        if (!_begun)
        {
            return;
        }

        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastReport);
        if (now - last < ReportEvery.TotalMilliseconds || Interlocked.CompareExchange(ref _lastReport, now, last) != last)
        {
            return;
        }

        _ = SendAsync(new WorkDoneProgressValue { Kind = "report", Message = message, Percentage = Math.Clamp(percentage, 0, 100) });
    }

    public Task EndAsync(string message)
    {
        if (!_begun)
        {
            return Task.CompletedTask;
        }

        _begun = false;
        return SendAsync(new WorkDoneProgressValue { Kind = "end", Message = message });
    }

    private async Task SendAsync(WorkDoneProgressValue value)
    {
        if (_rpc is null || _rpc.IsDisposed)
        {
            return;
        }

        try
        {
            await _rpc.NotifyWithParameterObjectAsync(LspMethods.Progress, new ProgressParams(_token, value)).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The client went away while indexing; nothing to report to.
        }
        catch (ConnectionLostException)
        {
        }
    }
}
