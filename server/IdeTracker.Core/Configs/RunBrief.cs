namespace IdeTracker.Core.Configs;

/// <summary>A run as a hover card names it: enough to show it and to reveal or compare it.
/// <see cref="Metric"/> is the run's best value of the main metric (max or min by its direction), null when it has none.</summary>
public sealed record RunBrief(
    string Id,
    string Name,
    string? Experiment,
    string Status,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    double? Metric);
