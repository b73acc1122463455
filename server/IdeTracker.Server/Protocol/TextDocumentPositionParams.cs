using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>The params of <c>textDocument/hover</c>: a document and a position in it.</summary>
public sealed record TextDocumentPositionParams(
    [property: JsonPropertyName("textDocument")] TextDocumentIdentifier TextDocument,
    [property: JsonPropertyName("position")] Position Position);
