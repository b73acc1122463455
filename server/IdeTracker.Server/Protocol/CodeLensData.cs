using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>What an unresolved code lens carries back to <c>codeLens/resolve</c>: the document, the version it was
/// made for, and the dotted key it sits on (null for the lens at the top of the file).</summary>
public sealed record CodeLensData(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("key")] string? Key);
