using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>One series per (run, key) that has points, in request order (runs outer, keys inner).</summary>
public sealed record MetricSeriesResult(
    [property: JsonPropertyName("series")] IReadOnlyList<MetricSeriesDto> Series);

/// <summary>Columns of equal length: step, wall time (Unix ms) and value of each kept point, by step.
/// <see cref="Total"/> is how many points the run logged; fewer were sent when it is larger than the
/// arrays. Non-finite values travel as "NaN", "Infinity", "-Infinity".</summary>
public sealed record MetricSeriesDto(
    [property: JsonPropertyName("runId")] string RunId,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("steps")] IReadOnlyList<long> Steps,
    [property: JsonPropertyName("wallTimes")] IReadOnlyList<long> WallTimes,
    [property: JsonPropertyName("values")] IReadOnlyList<double> Values,
    [property: JsonPropertyName("total")] int Total);
