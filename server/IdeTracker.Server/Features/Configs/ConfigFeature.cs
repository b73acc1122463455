using IdeTracker.Core.Configs;
using IdeTracker.Server.Features.Indexing;
using IdeTracker.Server.Lsp;
using IdeTracker.Server.Protocol;
using Range = IdeTracker.Server.Protocol.Range;

namespace IdeTracker.Server.Features.Configs;

/// <summary>Results where the config is edited: keeps the open config files, answers hover, code lens and inlay
/// hint requests on their current text, publishes their diagnostics, and asks the client to redraw lenses and hints
/// once results of a changed index are ready. Results may lag the index by up to <see cref="MaxStaleness"/> while
/// they are read again in the background, so a live run's writes never make a hover wait for SQL.</summary>
public sealed class ConfigFeature : IDisposable
{
    /// <summary>The least time between two requests to the client to redraw lenses and hints.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    /// <summary>A burst of refreshed results (several keys, several files) makes one redraw.</summary>
    private static readonly TimeSpan MinRefreshDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>How long results of an older index version may keep answering while newer ones are read.</summary>
    public static readonly TimeSpan MaxStaleness = TimeSpan.FromSeconds(15);

    private readonly WorkspaceSession _session;
    private readonly ConfigResults _results;
    private readonly ConfigInsights _insights;
    private readonly ConfigDiagnosticsPublisher _diagnostics;
    private readonly Func<string, Task> _request;
    private readonly ServerLogger _log;
    private readonly bool _refreshLenses;
    private readonly bool _refreshHints;
    private readonly Timer _refreshTimer;
    private readonly Lock _refreshLock = new();
    private DateTimeOffset _lastRefresh = DateTimeOffset.MinValue;
    private bool _refreshScheduled;

    /// <param name="notify">Sends a notification to the client (method, params).</param>
    /// <param name="request">Sends a request without params to the client and waits for its answer.</param>
    public ConfigFeature(WorkspaceSession session, InitializeParams client, Func<string, object, Task> notify, Func<string, Task> request, ServerLogger log)
    {
        _session = session;
        _request = request;
        _log = log;
        _results = new ConfigResults(session.Store, () => session.MainMetric, () => session.IndexVersion, MaxStaleness);
        _insights = new ConfigInsights(_results, () => session.MainMetric, session.Root);
        _diagnostics = new ConfigDiagnosticsPublisher(
            Documents,
            document => _insights.Diagnostics(document.Parsed, document.Path, DateTimeOffset.UtcNow),
            diagnostics => notify(LspMethods.PublishDiagnostics, diagnostics),
            log);
        _refreshLenses = client.ClientCapability("workspace", "codeLens", "refreshSupport");
        _refreshHints = client.ClientCapability("workspace", "inlayHint", "refreshSupport");
        _refreshTimer = new Timer(_ => _ = RefreshAsync());
        session.Changed += OnIndexChanged;
        _results.Refreshed += OnResultsRefreshed;
    }

    public OpenDocuments Documents { get; } = new();

    public void Opened(DidOpenTextDocumentParams opened)
    {
        if (Documents.Open(opened.TextDocument) is { } document)
        {
            _diagnostics.DocumentChanged(document.Uri);
        }
    }

    public void Changed(DidChangeTextDocumentParams changed)
    {
        if (Documents.Change(changed) is { } document)
        {
            _diagnostics.DocumentChanged(document.Uri);
        }
    }

    public Task ClosedAsync(DidCloseTextDocumentParams closed) =>
        Documents.Close(closed.TextDocument.Uri) ? _diagnostics.DocumentClosedAsync(closed.TextDocument.Uri) : Task.CompletedTask;

    public Hover? Hover(OpenDocument document, Position position) =>
        _insights.Hover(document.Parsed, position, DateTimeOffset.UtcNow);

    public IReadOnlyList<CodeLens> CodeLenses(OpenDocument document) =>
        _insights.CodeLenses(document.Parsed, document.Uri, document.Version);

    /// <summary>Resolves against the document as it is now; a lens of a file closed meanwhile comes back as it was.</summary>
    public CodeLens Resolve(CodeLens lens) =>
        lens.Data is { } data && Documents.Get(data.Uri) is { } document
            ? _insights.Resolve(lens, document.Parsed, DateTimeOffset.UtcNow)
            : lens;

    public IReadOnlyList<InlayHint> InlayHints(OpenDocument document, Range range) =>
        _insights.InlayHints(document.Parsed, range);

    private void OnIndexChanged() => _results.Prefetch();

    /// <summary>Results of a newer index are in: diagnostics are worked out again and the client redraws.</summary>
    private void OnResultsRefreshed()
    {
        _diagnostics.IndexChanged();
        if (!_refreshLenses && !_refreshHints)
        {
            return;
        }

        lock (_refreshLock)
        {
            if (_refreshScheduled)
            {
                return;
            }

            _refreshScheduled = true;
            var wait = _lastRefresh + RefreshInterval - DateTimeOffset.UtcNow;
            _refreshTimer.Change(wait > MinRefreshDelay ? wait : MinRefreshDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RefreshAsync()
    {
        lock (_refreshLock)
        {
            _refreshScheduled = false;
            _lastRefresh = DateTimeOffset.UtcNow;
        }

        if (Documents.All.Count == 0)
        {
            return;
        }

        try
        {
            if (_refreshLenses)
            {
                await _request(LspMethods.CodeLensRefresh).ConfigureAwait(false);
            }

            if (_refreshHints)
            {
                await _request(LspMethods.InlayHintRefresh).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _log.Log($"The client did not redraw code lenses and inlay hints: {ex.Message}");
        }
    }

    public void Dispose()
    {
        _session.Changed -= OnIndexChanged;
        _results.Refreshed -= OnResultsRefreshed;
        _refreshTimer.Dispose();
        _diagnostics.Dispose();
    }
}
