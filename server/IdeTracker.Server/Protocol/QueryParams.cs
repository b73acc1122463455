using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary><c>ideTracker/query</c>: the runs a filter expression selects, sorted, one page. An empty or
/// absent filter selects every run. <see cref="Sort"/> is a key with an optional leading <c>-</c> for
/// descending (<c>-val_acc</c>, <c>start</c>, <c>name</c>, <c>lr</c>); absent: newest first.</summary>
public sealed record QueryParams
{
    [JsonPropertyName("filter")]
    public string? Filter { get; init; }

    [JsonPropertyName("sort")]
    public string? Sort { get; init; }

    [JsonPropertyName("offset")]
    public int Offset { get; init; }

    /// <summary>0 only validates and counts.</summary>
    [JsonPropertyName("limit")]
    public int Limit { get; init; } = 500;
}
