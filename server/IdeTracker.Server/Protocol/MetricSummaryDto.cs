using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>A metric summary on the wire and in <c>scan --json</c>. Non-finite values are the strings
/// "NaN", "Infinity", "-Infinity".</summary>
public sealed record MetricSummaryDto(
    [property: JsonPropertyName("last")] double Last,
    [property: JsonPropertyName("min")] double Min,
    [property: JsonPropertyName("max")] double Max,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("lastStep")] long LastStep)
{
    public static MetricSummaryDto From(IdeTracker.Core.Model.MetricSummary s) => new(s.Last, s.Min, s.Max, s.Count, s.LastStep);
}
