using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

public sealed record WorkspaceFolder(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("name")] string Name);
