using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

public sealed record Hover(
    [property: JsonPropertyName("contents")] MarkupContent Contents,
    [property: JsonPropertyName("range")] Range? Range);
