using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary><c>ideTracker/runDetails</c>: everything known about one run but its full metric series, and a
/// ready Markdown tooltip.</summary>
public sealed record RunDetailsResult
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("nativeId")]
    public required string NativeId { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("source")]
    public required string Source { get; init; }

    [JsonPropertyName("store")]
    public required string Store { get; init; }

    [JsonPropertyName("experiment")]
    public string? Experiment { get; init; }

    [JsonPropertyName("parentId")]
    public string? ParentId { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("startTime")]
    public string? StartTime { get; init; }

    [JsonPropertyName("endTime")]
    public string? EndTime { get; init; }

    /// <summary>"2 minutes, 13 seconds".</summary>
    [JsonPropertyName("duration")]
    public string? Duration { get; init; }

    [JsonPropertyName("timeAgo")]
    public string? TimeAgo { get; init; }

    [JsonPropertyName("user")]
    public string? User { get; init; }

    [JsonPropertyName("host")]
    public string? Host { get; init; }

    [JsonPropertyName("command")]
    public string? Command { get; init; }

    [JsonPropertyName("gitCommit")]
    public string? GitCommit { get; init; }

    [JsonPropertyName("gitDirty")]
    public bool? GitDirty { get; init; }

    [JsonPropertyName("note")]
    public string? Note { get; init; }

    /// <summary>What sets the run apart: Hydra's overrides, a Guild or Sacred label.</summary>
    [JsonPropertyName("label")]
    public string? Label { get; init; }

    [JsonPropertyName("live")]
    public bool Live { get; init; }

    [JsonPropertyName("path")]
    public required string Path { get; init; }

    [JsonPropertyName("metricsFile")]
    public string? MetricsFile { get; init; }

    [JsonPropertyName("params")]
    public required IReadOnlyDictionary<string, string> Params { get; init; }

    [JsonPropertyName("metrics")]
    public required IReadOnlyDictionary<string, MetricSummaryDto> Metrics { get; init; }

    [JsonPropertyName("tags")]
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>Installed packages the source recorded: name → version ("" when unknown).</summary>
    [JsonPropertyName("packages")]
    public required IReadOnlyDictionary<string, string> Packages { get; init; }

    /// <summary>python, os, gpu, cuda…: where the run ran, as recorded.</summary>
    [JsonPropertyName("environment")]
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    [JsonPropertyName("media")]
    public required IReadOnlyList<RunMediaDto> Media { get; init; }

    [JsonPropertyName("dataInputs")]
    public required IReadOnlyList<DataInputDto> DataInputs { get; init; }

    [JsonPropertyName("mainMetric")]
    public MetricValue? MainMetric { get; init; }

    [JsonPropertyName("tooltip")]
    public required string Tooltip { get; init; }

    /// <summary>The user's star, tags and note; null when the run has no annotation file.</summary>
    [JsonPropertyName("annotation")]
    public AnnotationDto? Annotation { get; init; }

    /// <summary>The voice notes that talk about this run, newest first.</summary>
    [JsonPropertyName("notes")]
    public IReadOnlyList<RunNoteDto> Notes { get; init; } = [];

    /// <summary>True when the run's files are gone and these details are its annotation's snapshot.</summary>
    [JsonPropertyName("gone")]
    public bool? Gone { get; init; }
}
