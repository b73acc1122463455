using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

public sealed record ServerInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version);
