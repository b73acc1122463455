using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>Runs as columns: every table's <c>values</c> has one entry per run of <see cref="Runs"/>, null
/// where a run has no such param or metric. <see cref="MetricKeys"/> lists every metric any of the runs
/// reports (for a column picker), with how many of them do; <see cref="Missing"/> the ids asked for that
/// the index does not hold.</summary>
public sealed record CompareResult
{
    [JsonPropertyName("runs")]
    public required IReadOnlyList<CompareRun> Runs { get; init; }

    [JsonPropertyName("params")]
    public required IReadOnlyList<CompareRow> Params { get; init; }

    [JsonPropertyName("metrics")]
    public required IReadOnlyList<CompareMetric> Metrics { get; init; }

    /// <summary>Git commit and dirty flag, packages ("torch"), environment ("python"), as rows like params;
    /// keys are prefixed by what they are: "git.commit", "package.torch", "env.python".</summary>
    [JsonPropertyName("environment")]
    public required IReadOnlyList<CompareRow> Environment { get; init; }

    [JsonPropertyName("metricKeys")]
    public required IReadOnlyList<MetricKeyDto> MetricKeys { get; init; }

    [JsonPropertyName("missing")]
    public required IReadOnlyList<string> Missing { get; init; }

    /// <summary>The main metric's key (the first metric row when present).</summary>
    [JsonPropertyName("mainMetric")]
    public string? MainMetric { get; init; }
}

/// <summary>A run's column header.</summary>
public sealed record CompareRun
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("experiment")]
    public string? Experiment { get; init; }

    [JsonPropertyName("source")]
    public required string Source { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("startTime")]
    public string? StartTime { get; init; }

    /// <summary>"3 days ago".</summary>
    [JsonPropertyName("timeAgo")]
    public string? TimeAgo { get; init; }

    [JsonPropertyName("label")]
    public string? Label { get; init; }

    [JsonPropertyName("starred")]
    public bool Starred { get; init; }

    /// <summary>The user's tags, then the source's tags as "key=value".</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>True when the run's files are gone and only the annotation's snapshot is left.</summary>
    [JsonPropertyName("gone")]
    public bool? Gone { get; init; }

    [JsonPropertyName("path")]
    public string? Path { get; init; }
}

/// <summary>A param (or environment) row: one value per run, null where the run has none.</summary>
public sealed record CompareRow(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("values")] IReadOnlyList<string?> Values,
    [property: JsonPropertyName("differs")] bool Differs);

/// <summary>A metric row. <see cref="HigherIsBetter"/> is inferred from the name (loss, error → lower) unless
/// the primary-metric setting says otherwise; <see cref="BestIndex"/> is the index in
/// <c>runs</c> of the run with the best <c>best</c> value, null when no run has a finite value.</summary>
public sealed record CompareMetric(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("higherIsBetter")] bool HigherIsBetter,
    [property: JsonPropertyName("values")] IReadOnlyList<CompareMetricCell?> Values,
    [property: JsonPropertyName("bestIndex")] int? BestIndex);

/// <summary>One run's summary of one metric; <see cref="Best"/> is max or min by the row's direction.
/// Non-finite values travel as "NaN", "Infinity", "-Infinity".</summary>
public sealed record CompareMetricCell(
    [property: JsonPropertyName("last")] double Last,
    [property: JsonPropertyName("min")] double Min,
    [property: JsonPropertyName("max")] double Max,
    [property: JsonPropertyName("best")] double Best,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("lastStep")] long LastStep);

public sealed record MetricKeyDto(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("runs")] int Runs);
