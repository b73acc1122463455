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
    public bool ClientSupportsWorkDoneProgress()
        => Capabilities is { ValueKind: JsonValueKind.Object } caps
           && caps.TryGetProperty("window", out var window)
           && window.ValueKind == JsonValueKind.Object
           && window.TryGetProperty("workDoneProgress", out var flag)
           && flag.ValueKind == JsonValueKind.True;
}
