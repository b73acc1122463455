using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>The runs a filter selected (tree run nodes, flat), or, when the filter or sort does not parse,
/// no runs and <see cref="Error"/>.</summary>
public sealed record QueryResult
{
    [JsonPropertyName("runs")]
    public required IReadOnlyList<RunTreeNode> Runs { get; init; }

    [JsonPropertyName("total")]
    public int Total { get; init; }

    [JsonPropertyName("offset")]
    public int Offset { get; init; }

    [JsonPropertyName("error")]
    public FilterErrorDto? Error { get; init; }
}
