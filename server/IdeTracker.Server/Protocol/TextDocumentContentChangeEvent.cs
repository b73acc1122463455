using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>One edit: <see cref="Text"/> replaces <see cref="Range"/>, or the whole document when the range is absent.</summary>
public sealed record TextDocumentContentChangeEvent(
    [property: JsonPropertyName("range")] Range? Range,
    [property: JsonPropertyName("text")] string Text);
