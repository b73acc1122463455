using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

public sealed record TextDocumentIdentifier([property: JsonPropertyName("uri")] string Uri);
