using IdeTracker.Server.Lsp;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.Configs;

/// <summary>Sends the diagnostics of open config files: shortly after an edit settles, and after the index changes
/// (less often: a live run changes it every few seconds). Each round works on the documents as they are then, so a
/// burst of keystrokes costs one round. A failure is logged and the next round tries again.</summary>
public sealed class ConfigDiagnosticsPublisher : IDisposable
{
    /// <summary>How long typing must pause before a file's diagnostics are worked out again.</summary>
    public static readonly TimeSpan EditDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>How long after results of a changed index are in the open files are looked at again.</summary>
    public static readonly TimeSpan IndexDelay = TimeSpan.FromMilliseconds(200);

    private readonly OpenDocuments _documents;
    private readonly Func<OpenDocument, IReadOnlyList<Diagnostic>> _diagnose;
    private readonly Func<PublishDiagnosticsParams, Task> _publish;
    private readonly ServerLogger _log;
    private readonly Lock _lock = new();
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private readonly Timer _timer;
    private readonly SemaphoreSlim _oneRound = new(1, 1);
    private DateTimeOffset? _due;
    private bool _disposed;

    public ConfigDiagnosticsPublisher(OpenDocuments documents, Func<OpenDocument, IReadOnlyList<Diagnostic>> diagnose,
        Func<PublishDiagnosticsParams, Task> publish, ServerLogger log)
    {
        _documents = documents;
        _diagnose = diagnose;
        _publish = publish;
        _log = log;
        _timer = new Timer(_ => _ = RoundAsync());
    }

    public void DocumentChanged(string uri) => Schedule([uri], EditDelay, keepSooner: false);

    public void IndexChanged() => Schedule([.. _documents.All.Select(d => d.Uri)], IndexDelay, keepSooner: true);

    /// <summary>A closed file's diagnostics are cleared at once.</summary>
    public Task DocumentClosedAsync(string uri)
    {
        lock (_lock)
        {
            _dirty.Remove(uri);
        }

        return SendAsync(new PublishDiagnosticsParams(uri, null, []));
    }

    /// <param name="keepSooner">True when a round already due sooner must not wait longer; an edit passes false, as
    /// typing goes on and its round should follow the last keystroke.</param>
    private void Schedule(IReadOnlyList<string> uris, TimeSpan delay, bool keepSooner)
    {
        if (uris.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _dirty.UnionWith(uris);
            var due = DateTimeOffset.UtcNow + delay;
            if (keepSooner && _due is { } pending && pending <= due)
            {
                return;
            }

            _due = due;
            _timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Rounds run one at a time, so an older text's diagnostics never arrive after a newer one's.</summary>
    private async Task RoundAsync()
    {
        await _oneRound.WaitAsync().ConfigureAwait(false);
        try
        {
            await PublishDirtyAsync().ConfigureAwait(false);
        }
        finally
        {
            _oneRound.Release();
        }
    }

    private async Task PublishDirtyAsync()
    {
        string[] uris;
        lock (_lock)
        {
            uris = [.. _dirty];
            _dirty.Clear();
            _due = null;
        }

        foreach (var uri in uris)
        {
            if (_documents.Get(uri) is not { } document)
            {
                continue;
            }

            try
            {
                var diagnostics = _diagnose(document);
                await SendAsync(new PublishDiagnosticsParams(uri, document.Version, diagnostics)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _log.Warning($"Could not work out the diagnostics of {document.Path}: {ex.Message}");
            }
        }
    }

    private async Task SendAsync(PublishDiagnosticsParams diagnostics)
    {
        try
        {
            await _publish(diagnostics).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or StreamJsonRpc.ConnectionLostException or OperationCanceledException)
        {
            // The client has gone; nothing to tell it.
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
        }

        _timer.Dispose();
    }
}
