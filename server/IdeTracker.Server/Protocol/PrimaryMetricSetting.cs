using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>The user's <c>ideTracker.primaryMetric</c>: a metric name and "max" or "min".</summary>
public sealed record PrimaryMetricSetting(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("direction")] string? Direction);
