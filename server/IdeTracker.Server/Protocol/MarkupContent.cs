using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>Kind "markdown" or "plaintext".</summary>
public sealed record MarkupContent(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("value")] string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}
