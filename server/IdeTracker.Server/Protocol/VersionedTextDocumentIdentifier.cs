using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

public sealed record VersionedTextDocumentIdentifier(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("version")] int Version);
