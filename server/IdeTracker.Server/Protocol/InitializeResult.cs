using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

public sealed record InitializeResult(
    [property: JsonPropertyName("capabilities")] ServerCapabilities Capabilities,
    [property: JsonPropertyName("serverInfo")] ServerInfo ServerInfo);
