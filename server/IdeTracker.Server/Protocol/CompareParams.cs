using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary><c>ideTracker/compare</c>: the runs side by side, in the order given. <see cref="MetricKeys"/>
/// chooses the metric rows; absent: the main metric first, then up to 50 metrics most of the runs report.</summary>
public sealed record CompareParams
{
    [JsonPropertyName("runIds")]
    public required IReadOnlyList<string> RunIds { get; init; }

    [JsonPropertyName("metricKeys")]
    public IReadOnlyList<string>? MetricKeys { get; init; }
}
