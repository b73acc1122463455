using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>A node of the run tree. <see cref="Kind"/>: store, experiment, run, problems, problem.
/// Labels are ready to show (numbers grouped, times humanised).</summary>
public sealed record RunTreeNode
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("label")]
    public required string Label { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("hasChildren")]
    public bool HasChildren { get; init; }

    [JsonPropertyName("childCount")]
    public int? ChildCount { get; init; }

    [JsonPropertyName("runId")]
    public string? RunId { get; init; }

    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>running, scheduled, finished, failed, killed or unknown.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("startTime")]
    public string? StartTime { get; init; }

    /// <summary>"3 days ago".</summary>
    [JsonPropertyName("timeAgo")]
    public string? TimeAgo { get; init; }

    [JsonPropertyName("mainMetric")]
    public MetricValue? MainMetric { get; init; }

    /// <summary>True for a run still being written (status not final, a file of it changed in the last minutes).</summary>
    [JsonPropertyName("live")]
    public bool? Live { get; init; }

    /// <summary>Absolute path of the run folder, store, or the file a problem is about.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    [JsonPropertyName("metricsFile")]
    public string? MetricsFile { get; init; }

    [JsonPropertyName("line")]
    public int? Line { get; init; }

    /// <summary>True for a run the user starred.</summary>
    [JsonPropertyName("starred")]
    public bool? Starred { get; init; }

    /// <summary>The user's tags on the run (they also lead its description).</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>True when the run's files are gone and the tree shows the snapshot its annotation kept.</summary>
    [JsonPropertyName("gone")]
    public bool? Gone { get; init; }

    /// <summary>In the lineage grouping: what changed from the run it hangs under ("lr 0.01 → 0.001").</summary>
    [JsonPropertyName("change")]
    public string? Change { get; init; }
}
