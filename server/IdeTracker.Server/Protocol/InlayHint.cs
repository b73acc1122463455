using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>A label drawn after a value. Kind 1 is a type hint, 2 a parameter hint; ours carry neither.</summary>
public sealed record InlayHint(
    [property: JsonPropertyName("position")] Position Position,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("tooltip")] MarkupContent? Tooltip,
    [property: JsonPropertyName("paddingLeft")] bool PaddingLeft);
