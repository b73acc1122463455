using System.Text.Json;
using StreamJsonRpc;

namespace IdeTracker.Server.Tests.Lsp;

/// <summary>What a client answers and records: progress token creation, logs, progress, our notifications.</summary>
public sealed class TestClientTarget(ClientNotifications log)
{
    [JsonRpcMethod("window/workDoneProgress/create", UseSingleObjectParameterDeserialization = true)]
    public object? CreateProgress(JsonElement request)
    {
        log.Add("window/workDoneProgress/create", request);
        return null;
    }

    [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
    public void LogMessage(JsonElement request) => log.Add("window/logMessage", request);

    [JsonRpcMethod("$/progress", UseSingleObjectParameterDeserialization = true)]
    public void Progress(JsonElement request) => log.Add("$/progress", request);

    [JsonRpcMethod("ideTracker/indexStatus", UseSingleObjectParameterDeserialization = true)]
    public void IndexStatus(JsonElement request) => log.Add("ideTracker/indexStatus", request);

    [JsonRpcMethod("ideTracker/runsChanged", UseSingleObjectParameterDeserialization = true)]
    public void RunsChanged(JsonElement request) => log.Add("ideTracker/runsChanged", request);

    [JsonRpcMethod("ideTracker/notesChanged", UseSingleObjectParameterDeserialization = true)]
    public void NotesChanged(JsonElement request) => log.Add("ideTracker/notesChanged", request);

    [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
    public void PublishDiagnostics(JsonElement request) => log.Add("textDocument/publishDiagnostics", request);

    [JsonRpcMethod("workspace/codeLens/refresh")]
    public object? RefreshCodeLenses()
    {
        log.Add("workspace/codeLens/refresh", JsonDocument.Parse("null").RootElement);
        return null;
    }

    [JsonRpcMethod("workspace/inlayHint/refresh")]
    public object? RefreshInlayHints()
    {
        log.Add("workspace/inlayHint/refresh", JsonDocument.Parse("null").RootElement);
        return null;
    }
}
