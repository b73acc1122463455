using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>One page of children; more remain when <c>offset + nodes.length &lt; total</c>.</summary>
public sealed record RunTreeResult(
    [property: JsonPropertyName("nodes")] IReadOnlyList<RunTreeNode> Nodes,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("offset")] int Offset);
