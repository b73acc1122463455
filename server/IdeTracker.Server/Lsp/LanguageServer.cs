using System.Reflection;
using System.Text.Json;
using IdeTracker.Core.Annotations;
using IdeTracker.Core.Index;
using IdeTracker.Core.Notes;
using IdeTracker.Core.Notes.Drafts;
using IdeTracker.Core.Speech.Models;
using IdeTracker.Core.Queries;
using IdeTracker.Server.Features.Annotations;
using IdeTracker.Server.Features.Compare;
using IdeTracker.Server.Features.Configs;
using IdeTracker.Server.Features.Indexing;
using IdeTracker.Server.Features.Notes;
using IdeTracker.Server.Features.Query;
using IdeTracker.Server.Features.RunDetails;
using IdeTracker.Server.Features.RunTree;
using IdeTracker.Server.Protocol;
using StreamJsonRpc;

namespace IdeTracker.Server.Lsp;

/// <summary>The JSON-RPC target: one small method per LSP method, each checking state and delegating to a
/// builder or service that is tested on its own.</summary>
public sealed class LanguageServer : IDisposable
{
    private const int ServerNotInitialized = -32002;
    private const int InvalidRequest = -32600;
    /// <summary>LSP's RequestFailed: the request was understood but cannot be done (the user's file does not parse).</summary>
    private const int RequestFailed = -32803;
    private const int InvalidParams = -32602;
    private readonly ServerLogger _log;
    private readonly Action<int> _exit;
    private readonly RequestQueue _queue = new();
    private JsonRpc? _rpc;
    private WorkspaceSession? _session;
    private LineageCache? _lineage;
    private ConfigFeature? _configs;
    private NotesFeature? _notes;
    private IndexingService? _indexing;
    private ParentProcessWatcher? _parentWatcher;
    private InitializeParams? _initializeParams;
    private volatile bool _shutdownRequested;

    private readonly Func<SpeechServices> _speech;

    /// <param name="speech">Made when the workspace opens; defaults to the worker process and the user's model cache.</param>
    public LanguageServer(ServerLogger log, Action<int> exit, Func<SpeechServices>? speech = null)
    {
        _log = log;
        _exit = exit;
        _speech = speech ?? DefaultSpeechServices.ForCurrentUser;
    }

    /// <summary>For tests: completes when the current background indexing job is done.</summary>
    internal Task IndexingIdle => _indexing?.LastJob ?? Task.CompletedTask;

    internal WorkspaceSession? Session => _session;

    /// <summary>For tests: the units the server is watching itself.</summary>
    internal IReadOnlyList<string> WatchedUnits => _indexing?.WatchedUnits ?? [];

    /// <summary>One housekeeping pass as of <paramref name="now"/>, for tests that cannot wait for the minutes it is about.</summary>
    internal Task HousekeepAsync(DateTimeOffset now) => _indexing?.HousekeepAsync(now) ?? Task.CompletedTask;

    public void Attach(JsonRpc rpc) => _rpc = rpc;

    [JsonRpcMethod(LspMethods.Initialize, UseSingleObjectParameterDeserialization = true)]
    public Task<InitializeResult> InitializeAsync(InitializeParams request, CancellationToken cancellationToken) =>
        _queue.MutateAsync(_ =>
        {
            if (_initializeParams is not null)
            {
                throw new LocalRpcException("initialize was already received") { ErrorCode = InvalidRequest };
            }

            var root = WorkspaceRoot(request)
                ?? throw new LocalRpcException("initialize needs a workspace folder, rootUri or rootPath") { ErrorCode = InvalidRequest };
            _session = WorkspaceSession.Open(root, request.InitializationOptions, _log.Info);
            var session = _session;
            _lineage = new LineageCache(() => session.IndexVersion);
            _configs = new ConfigFeature(session, request, NotifyClientAsync, RequestClientAsync, _log);
            _notes = NewNotesFeature(session);
            _initializeParams = request;
            if (request.ProcessId is { } pid && pid > 0)
            {
                _parentWatcher = new ParentProcessWatcher(pid, OnClientGone, TimeSpan.FromSeconds(2));
            }

            var version = typeof(LanguageServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            _log.Info($"ide-tracker {version}: workspace {_session.Root}, index {_session.Store.DatabasePath}");
            return Task.FromResult(new InitializeResult(new ServerCapabilities(), new ServerInfo("ide-tracker", version)));
        }, cancellationToken);

    [JsonRpcMethod(LspMethods.Initialized, UseSingleObjectParameterDeserialization = true)]
    public void Initialized(JsonElement? request)
    {
        if (_session is null || _rpc is null || _initializeParams is null)
        {
            return;
        }

        _indexing = new IndexingService(_session, _rpc, _initializeParams.ClientSupportsWorkDoneProgress(), _log, _queue.ShutdownToken);
        _indexing.StartFullScan();
        _indexing.StartHousekeeping();
    }

    [JsonRpcMethod(LspMethods.Shutdown)]
    public async Task<object?> ShutdownAsync(CancellationToken cancellationToken)
    {
        _shutdownRequested = true;
        _queue.CancelAll();
        if (_indexing is { } indexing)
        {
            indexing.Dispose();
            await indexing.LastJob.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    [JsonRpcMethod(LspMethods.Exit)]
    public void Exit() => _exit(_shutdownRequested ? 0 : 1);

    [JsonRpcMethod(LspMethods.DidChangeWatchedFiles, UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams request)
    {
        if (_indexing is null)
        {
            return;
        }

        var paths = new List<string>();
        foreach (var change in request.Changes)
        {
            try
            {
                paths.Add(DocumentUris.ToPath(change.Uri));
            }
            catch (ArgumentException ex)
            {
                _log.Warning($"Ignored a file event: {ex.Message}");
            }
        }

        _indexing.PathsChanged(paths);
    }

    /// <summary>vscode-languageclient sends this on every settings change. The server logs the same whatever the
    /// trace level, so it only needs to accept it (an unknown notification would be logged as a warning).</summary>
    [JsonRpcMethod(LspMethods.SetTrace, UseSingleObjectParameterDeserialization = true)]
    public void SetTrace(JsonElement? request)
    {
    }

    [JsonRpcMethod(LspMethods.Reindex)]
    public Task<object?> ReindexAsync(CancellationToken cancellationToken)
    {
        var indexing = _indexing ?? throw NotInitialized();
        indexing.StartFullScan();
        return Task.FromResult<object?>(null);
    }

    [JsonRpcMethod(LspMethods.RunTree, UseSingleObjectParameterDeserialization = true)]
    public Task<RunTreeResult> RunTreeAsync(RunTreeParams request, CancellationToken cancellationToken)
    {
        var session = _session ?? throw NotInitialized();
        return _queue.ReadAsync(
            _ =>
            {
                try
                {
                    return new RunTreeBuilder(session.Store, session.MainMetric, DateTimeOffset.UtcNow, _lineage).Build(request);
                }
                catch (FilterException ex)
                {
                    throw new LocalRpcException($"the tree's {ex.Field}: {ex.Message}") { ErrorCode = InvalidParams, ErrorData = QueryBuilder.ToDto(ex) };
                }
                catch (ArgumentException ex)
                {
                    throw new LocalRpcException(ex.Message) { ErrorCode = InvalidRequest };
                }
            },
            cancellationToken);
    }

    /// <summary>A filter that does not parse is not an error here: the result carries it, located.</summary>
    [JsonRpcMethod(LspMethods.Query, UseSingleObjectParameterDeserialization = true)]
    public Task<QueryResult> QueryAsync(QueryParams request, CancellationToken cancellationToken)
    {
        var session = _session ?? throw NotInitialized();
        return _queue.ReadAsync(
            _ => new QueryBuilder(session.Store, session.MainMetric, DateTimeOffset.UtcNow).Build(request),
            cancellationToken);
    }

    [JsonRpcMethod(LspMethods.RunDetails, UseSingleObjectParameterDeserialization = true)]
    public Task<RunDetailsResult?> RunDetailsAsync(RunDetailsParams request, CancellationToken cancellationToken)
    {
        var session = _session ?? throw NotInitialized();
        return _queue.ReadAsync(
            _ =>
            {
                var choice = session.MainMetric;
                var details = session.Store.GetRunDetails(request.RunId, choice?.Key);
                if (details is null)
                {
                    return null;
                }

                var now = DateTimeOffset.UtcNow;
                var result = new RunDetailsBuilder(session.Root, choice, now).Build(details, session.Store.GetAnnotation(request.RunId));
                return _notes?.NotesForRun(request.RunId, now) is { Count: > 0 } notes
                    ? result with { Notes = notes, Tooltip = result.Tooltip + RunNoteLines.Markdown(notes) }
                    : result;
            },
            cancellationToken);
    }

    /// <summary>Changes a run's annotation file, one change at a time, then tells the client the run changed. A file
    /// that does not parse is left as it is and the request fails naming it and its line.</summary>
    [JsonRpcMethod(LspMethods.SetAnnotation, UseSingleObjectParameterDeserialization = true)]
    public Task<AnnotationDto> SetAnnotationAsync(SetAnnotationParams request, CancellationToken cancellationToken)
    {
        var session = _session ?? throw NotInitialized();
        return _queue.MutateAsync(
            async token =>
            {
                AnnotationDto stored;
                try
                {
                    stored = await Task.Run(() => new SetAnnotationHandler(session).Handle(request, DateTimeOffset.UtcNow), token).ConfigureAwait(false);
                }
                catch (AnnotationFileException ex)
                {
                    throw new LocalRpcException(ex.Message) { ErrorCode = RequestFailed };
                }

                if (_rpc is { IsDisposed: false } rpc)
                {
                    await rpc.NotifyWithParameterObjectAsync(LspMethods.RunsChanged, new RunsChangedParams([request.RunId], All: false)).ConfigureAwait(false);
                }

                return stored;
            },
            cancellationToken);
    }

    [JsonRpcMethod(LspMethods.Compare, UseSingleObjectParameterDeserialization = true)]
    public Task<CompareResult> CompareAsync(CompareParams request, CancellationToken cancellationToken)
    {
        var session = _session ?? throw NotInitialized();
        return _queue.ReadAsync(
            _ => WithInvalidParams(() => new CompareBuilder(session.Store, session.MainMetric, DateTimeOffset.UtcNow).Build(request)),
            cancellationToken);
    }

    [JsonRpcMethod(LspMethods.MetricSeries, UseSingleObjectParameterDeserialization = true)]
    public Task<MetricSeriesResult> MetricSeriesAsync(MetricSeriesParams request, CancellationToken cancellationToken)
    {
        var session = _session ?? throw NotInitialized();
        return _queue.ReadAsync(
            token => WithInvalidParams(() => new MetricSeriesBuilder(session.Store, _log.Warning).Build(request, token)),
            cancellationToken);
    }

    [JsonRpcMethod(LspMethods.DidOpen, UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(DidOpenTextDocumentParams request) => _configs?.Opened(request);

    /// <summary>Runs before the next message is read (the connection dispatches in order), so the edits apply in order.</summary>
    [JsonRpcMethod(LspMethods.DidChange, UseSingleObjectParameterDeserialization = true)]
    public void DidChange(DidChangeTextDocumentParams request) => _configs?.Changed(request);

    /// <summary>A notification: clearing the file's diagnostics goes on after it returns (and cannot fail).</summary>
    [JsonRpcMethod(LspMethods.DidClose, UseSingleObjectParameterDeserialization = true)]
    public void DidClose(DidCloseTextDocumentParams request) => _ = _configs?.ClosedAsync(request);

    /// <summary>Hover, lenses and hints read the document as it is when the request arrives, then work off the message loop.</summary>
    [JsonRpcMethod(LspMethods.Hover, UseSingleObjectParameterDeserialization = true)]
    public Task<Hover?> HoverAsync(TextDocumentPositionParams request, CancellationToken cancellationToken)
    {
        var configs = _configs ?? throw NotInitialized();
        return configs.Documents.Get(request.TextDocument.Uri) is { } document
            ? _queue.ReadAsync(_ => configs.Hover(document, request.Position), cancellationToken)
            : Task.FromResult<Hover?>(null);
    }

    [JsonRpcMethod(LspMethods.CodeLens, UseSingleObjectParameterDeserialization = true)]
    public Task<IReadOnlyList<CodeLens>> CodeLensAsync(CodeLensParams request, CancellationToken cancellationToken)
    {
        var configs = _configs ?? throw NotInitialized();
        return configs.Documents.Get(request.TextDocument.Uri) is { } document
            ? _queue.ReadAsync(_ => configs.CodeLenses(document), cancellationToken)
            : Task.FromResult<IReadOnlyList<CodeLens>>([]);
    }

    [JsonRpcMethod(LspMethods.CodeLensResolve, UseSingleObjectParameterDeserialization = true)]
    public Task<CodeLens> CodeLensResolveAsync(CodeLens request, CancellationToken cancellationToken)
    {
        var configs = _configs ?? throw NotInitialized();
        return _queue.ReadAsync(_ => configs.Resolve(request), cancellationToken);
    }

    [JsonRpcMethod(LspMethods.InlayHint, UseSingleObjectParameterDeserialization = true)]
    public Task<IReadOnlyList<InlayHint>> InlayHintAsync(InlayHintParams request, CancellationToken cancellationToken)
    {
        var configs = _configs ?? throw NotInitialized();
        return configs.Documents.Get(request.TextDocument.Uri) is { } document
            ? _queue.ReadAsync(_ => configs.InlayHints(document, request.Range), cancellationToken)
            : Task.FromResult<IReadOnlyList<InlayHint>>([]);
    }

    [JsonRpcMethod(LspMethods.NotesList, UseSingleObjectParameterDeserialization = true)]
    public Task<NotesListResult> NotesListAsync(JsonElement? request, CancellationToken cancellationToken)
    {
        var notes = _notes ?? throw NotInitialized();
        return _queue.ReadAsync(_ => notes.List(DateTimeOffset.UtcNow), cancellationToken);
    }

    [JsonRpcMethod(LspMethods.NotesCreate, UseSingleObjectParameterDeserialization = true)]
    public Task<NoteDto> NotesCreateAsync(CreateNoteParams request, CancellationToken cancellationToken)
    {
        var notes = _notes ?? throw NotInitialized();
        return NoteRequestAsync(() => notes.CreateAsync(request, DateTimeOffset.UtcNow));
    }

    /// <summary>Long (seconds to minutes) and cancellable: it runs beside other requests, not in their queue.</summary>
    [JsonRpcMethod(LspMethods.NotesTranscribe, UseSingleObjectParameterDeserialization = true)]
    public async Task<NoteDto> NotesTranscribeAsync(NoteRequestParams request, CancellationToken cancellationToken)
    {
        var notes = _notes ?? throw NotInitialized();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _queue.ShutdownToken);
        var progress = await WorkDoneProgress.OnClientTokenAsync(_rpc, request.WorkDoneToken, "Transcribing voice note", "starting Whisper", cancellable: true).ConfigureAwait(false);
        try
        {
            var note = await NoteRequestAsync(() => notes.TranscribeAsync(request, new Progress<int>(p => progress.Report($"{p}%", p)), linked.Token)).ConfigureAwait(false);
            await progress.EndAsync(note.Status == "failed" ? "failed" : "done").ConfigureAwait(false);
            return note;
        }
        catch
        {
            await progress.EndAsync("stopped").ConfigureAwait(false);
            throw;
        }
    }

    [JsonRpcMethod(LspMethods.NotesDraft, UseSingleObjectParameterDeserialization = true)]
    public Task<NoteDto> NotesDraftAsync(NoteRequestParams request, CancellationToken cancellationToken)
    {
        var notes = _notes ?? throw NotInitialized();
        return NoteRequestAsync(() => Task.Run(() => notes.DraftAsync(request, DateTimeOffset.UtcNow), cancellationToken));
    }

    [JsonRpcMethod(LspMethods.SpeechModelStatus, UseSingleObjectParameterDeserialization = true)]
    public Task<ModelStatusDto> SpeechModelStatusAsync(SpeechRequestParams request, CancellationToken cancellationToken)
    {
        var notes = _notes ?? throw NotInitialized();
        return NoteRequestAsync(() => notes.Models.StatusAsync(request.Speech ?? new SpeechSettings(), cancellationToken));
    }

    /// <summary>Sent only after the user agreed. Cancelling keeps the partial file, so asking again resumes it.</summary>
    [JsonRpcMethod(LspMethods.SpeechDownloadModel, UseSingleObjectParameterDeserialization = true)]
    public async Task<ModelStatusDto> SpeechDownloadModelAsync(SpeechRequestParams request, CancellationToken cancellationToken)
    {
        var notes = _notes ?? throw NotInitialized();
        var speech = request.Speech ?? new SpeechSettings();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _queue.ShutdownToken);
        var progress = await WorkDoneProgress.OnClientTokenAsync(_rpc, request.WorkDoneToken, $"Downloading Whisper model {speech.Model}", "connecting", cancellable: true).ConfigureAwait(false);
        try
        {
            var status = await NoteRequestAsync(() => notes.Models.DownloadAsync(
                speech, new Progress<ModelDownloadProgress>(p => progress.Report(SpeechModels.ProgressMessage(p), SpeechModels.ProgressPercent(p))), linked.Token)).ConfigureAwait(false);
            await progress.EndAsync("done").ConfigureAwait(false);
            return status;
        }
        catch
        {
            await progress.EndAsync("stopped").ConfigureAwait(false);
            throw;
        }
    }

    private NotesFeature NewNotesFeature(WorkspaceSession session)
    {
        var speech = _speech();
        return new NotesFeature(
            session,
            speech.Transcriber,
            new SpeechModels(speech.ModelCacheFolder, speech.Http),
            request => new ReadmeDrafter(session.Store, session.MainMetric).Draft(request),
            InitialPrompts.For,
            NotesChangedAsync);
    }

    private async Task NotesChangedAsync(NotesChangedParams changed, IReadOnlyList<string> runIds)
    {
        await NotifyClientAsync(LspMethods.NotesChanged, changed).ConfigureAwait(false);
        if (runIds.Count > 0)
        {
            await NotifyClientAsync(LspMethods.RunsChanged, new RunsChangedParams(runIds, All: false)).ConfigureAwait(false);
        }
    }

    /// <summary>What went wrong with a note request, said to the client: a bad argument is InvalidParams, a note or
    /// download that cannot be done is RequestFailed, with the located message.</summary>
    private static async Task<T> NoteRequestAsync<T>(Func<Task<T>> handle)
    {
        try
        {
            return await handle().ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            throw new LocalRpcException(ex.Message) { ErrorCode = InvalidParams };
        }
        catch (Exception ex) when (ex is NoteFileException or InvalidOperationException or ModelDownloadException)
        {
            throw new LocalRpcException(ex.Message) { ErrorCode = RequestFailed };
        }
    }

    private Task NotifyClientAsync(string method, object parameters) =>
        _rpc is { IsDisposed: false } rpc ? rpc.NotifyWithParameterObjectAsync(method, parameters) : Task.CompletedTask;

    private Task RequestClientAsync(string method) =>
        _rpc is { IsDisposed: false } rpc ? rpc.InvokeWithCancellationAsync(method, null, _queue.ShutdownToken) : Task.CompletedTask;

    /// <summary>A builder's <see cref="ArgumentException"/> says what was wrong with the request: it goes back as InvalidParams.</summary>
    private static T WithInvalidParams<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException ex)
        {
            throw new LocalRpcException(ex.Message) { ErrorCode = InvalidParams };
        }
    }

    private static LocalRpcException NotInitialized() =>
        new("the server has not been initialized") { ErrorCode = ServerNotInitialized };

    private static string? WorkspaceRoot(InitializeParams request)
    {
        if (request.WorkspaceFolders is [var first, ..])
        {
            return DocumentUris.ToPath(first.Uri);
        }

        if (request.RootUri is { Length: > 0 } uri)
        {
            return DocumentUris.ToPath(uri);
        }

        return request.RootPath is { Length: > 0 } path ? path : null;
    }

    private void OnClientGone()
    {
        _log.Info("The client process is gone; exiting.");
        _queue.CancelAll();
        _exit(1);
    }

    public void Dispose()
    {
        _queue.CancelAll();
        _parentWatcher?.Dispose();
        _configs?.Dispose();
        _indexing?.Dispose();
        try
        {
            _indexing?.LastJob.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The job's own failure was logged where it happened.
        }

        _session?.Dispose();
        _queue.Dispose();
    }
}
