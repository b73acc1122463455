namespace IdeTracker.Server.Lsp;

/// <summary>Every method name this server answers or sends, in one place.</summary>
public static class LspMethods
{
    public const string Initialize = "initialize";
    public const string Initialized = "initialized";
    public const string Shutdown = "shutdown";
    public const string Exit = "exit";
    public const string DidChangeWatchedFiles = "workspace/didChangeWatchedFiles";
    public const string LogMessage = "window/logMessage";
    public const string WorkDoneProgressCreate = "window/workDoneProgress/create";
    public const string Progress = "$/progress";
    public const string SetTrace = "$/setTrace";
    public const string DidOpen = "textDocument/didOpen";
    public const string DidChange = "textDocument/didChange";
    public const string DidClose = "textDocument/didClose";
    public const string Hover = "textDocument/hover";
    public const string CodeLens = "textDocument/codeLens";
    public const string CodeLensResolve = "codeLens/resolve";
    public const string InlayHint = "textDocument/inlayHint";
    public const string PublishDiagnostics = "textDocument/publishDiagnostics";
    public const string CodeLensRefresh = "workspace/codeLens/refresh";
    public const string InlayHintRefresh = "workspace/inlayHint/refresh";
    public const string RunTree = "ideTracker/runTree";
    public const string RunDetails = "ideTracker/runDetails";
    public const string IndexStatus = "ideTracker/indexStatus";
    public const string RunsChanged = "ideTracker/runsChanged";
    public const string Reindex = "ideTracker/reindex";
    public const string Query = "ideTracker/query";
    public const string Compare = "ideTracker/compare";
    public const string MetricSeries = "ideTracker/metricSeries";
    public const string SetAnnotation = "ideTracker/setAnnotation";
    public const string NotesList = "ideTracker/notes/list";
    public const string NotesCreate = "ideTracker/notes/create";
    public const string NotesTranscribe = "ideTracker/notes/transcribe";
    public const string NotesDraft = "ideTracker/notes/draft";
    public const string NotesChanged = "ideTracker/notesChanged";
    public const string SpeechModelStatus = "ideTracker/speech/modelStatus";
    public const string SpeechDownloadModel = "ideTracker/speech/downloadModel";
}
