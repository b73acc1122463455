using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>A document the client opened, with its whole (possibly unsaved) text.</summary>
public sealed record TextDocumentItem(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("languageId")] string LanguageId,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("text")] string Text);
