using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary><c>ideTracker/metricSeries</c>: the history of each of <see cref="Keys"/> for each of
/// <see cref="RunIds"/>, downsampled on the server (largest-triangle-three-buckets over step, which keeps
/// peaks and dips) to at most <see cref="MaxPoints"/> points per series (default 2,000, at most 10,000).</summary>
public sealed record MetricSeriesParams
{
    [JsonPropertyName("runIds")]
    public required IReadOnlyList<string> RunIds { get; init; }

    [JsonPropertyName("keys")]
    public required IReadOnlyList<string> Keys { get; init; }

    [JsonPropertyName("maxPoints")]
    public int? MaxPoints { get; init; }
}
