using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary><c>ideTracker/runTree</c>: the children of <see cref="NodeId"/> (null: the top level), one page.</summary>
public sealed record RunTreeParams
{
    [JsonPropertyName("nodeId")]
    public string? NodeId { get; init; }

    [JsonPropertyName("offset")]
    public int Offset { get; init; }

    [JsonPropertyName("limit")]
    public int Limit { get; init; } = 500;
}
