using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>LSP position: zero-based line and UTF-16 code unit within it.</summary>
public sealed record Position(
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("character")] int Character);
