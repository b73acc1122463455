using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

public sealed record CodeLensParams([property: JsonPropertyName("textDocument")] TextDocumentIdentifier TextDocument);
