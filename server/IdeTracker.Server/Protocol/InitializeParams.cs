using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

public sealed record InitializeParams
{
    [JsonPropertyName("processId")]
    public int? ProcessId { get; init; }

    [JsonPropertyName("rootUri")]
    public string? RootUri { get; init; }

    [JsonPropertyName("rootPath")]
    public string? RootPath { get; init; }

    [JsonPropertyName("workspaceFolders")]
    public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }

    [JsonPropertyName("initializationOptions")]
    public InitializationOptions? InitializationOptions { get; init; }

    [JsonPropertyName("capabilities")]
    public JsonElement? Capabilities { get; init; }

    /// <summary>True when the client said it can show server-initiated work-done progress.</summary>
    public bool ClientSupportsWorkDoneProgress() => ClientCapability("window", "workDoneProgress");

    /// <summary>True when the client's capabilities hold <c>true</c> at the path (e.g. workspace, codeLens, refreshSupport).</summary>
    public bool ClientCapability(params string[] path)
    {
        if (Capabilities is not { ValueKind: JsonValueKind.Object } node)
        {
            return false;
        }

        foreach (var name in path)
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out node))
            {
                return false;
            }
        }

        return node.ValueKind == JsonValueKind.True;
    }
}
