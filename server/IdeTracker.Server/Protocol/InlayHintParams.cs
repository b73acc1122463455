using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

public sealed record InlayHintParams(
    [property: JsonPropertyName("textDocument")] TextDocumentIdentifier TextDocument,
    [property: JsonPropertyName("range")] Range Range);
