using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>Type: 1 created, 2 changed, 3 deleted.</summary>
public sealed record FileEvent(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("type")] int Type);
