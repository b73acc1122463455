using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

public sealed record DidOpenTextDocumentParams([property: JsonPropertyName("textDocument")] TextDocumentItem TextDocument);
