namespace IdeTracker.Core.Index;

/// <summary>A run of an experiment with just what the lineage grouping compares: its params, start and label.</summary>
public sealed record RunParamsRow(
    string Id,
    string Source,
    DateTimeOffset? StartTime,
    string? Label,
    IReadOnlyDictionary<string, string> Params);
