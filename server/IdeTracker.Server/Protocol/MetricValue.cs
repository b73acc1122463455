using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>A metric's value with its name, so no label shows a number without saying what it is.
/// Non-finite values travel as the strings "NaN", "Infinity" and "-Infinity".</summary>
public sealed record MetricValue(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("higherIsBetter")] bool HigherIsBetter,
    [property: JsonPropertyName("label")] string Label);
