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

    /// <summary>A filter expression (<c>ideTracker/query</c>'s language). With one, stores and experiments
    /// count only matching runs, hide when none match, and an experiment lists its matching runs flat (child
    /// runs included, not nested), or with <see cref="Grouping"/> "lineage" the lineage among the matching runs
    /// alone. Send the same filter and grouping with every request: node ids do not carry them.
    /// A filter that does not parse is an InvalidParams error.</summary>
    [JsonPropertyName("filter")]
    public string? Filter { get; init; }

    /// <summary>"experiment" (default): runs under their experiment, child runs under their parent.
    /// "lineage": each run under the earlier run of its experiment it differs least from.</summary>
    [JsonPropertyName("grouping")]
    public string? Grouping { get; init; }
}
