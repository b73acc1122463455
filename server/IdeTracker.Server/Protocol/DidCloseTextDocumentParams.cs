using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

public sealed record DidCloseTextDocumentParams([property: JsonPropertyName("textDocument")] TextDocumentIdentifier TextDocument);
