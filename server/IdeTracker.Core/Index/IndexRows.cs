using IdeTracker.Core.Model;

namespace IdeTracker.Core.Index;

/// <summary>A store as the tree shows it. <see cref="Path"/> is relative to the workspace, forward slashes.</summary>
public sealed record StoreRow(string Key, string Source, string Path, int RunCount);

/// <summary>An experiment of a store. <see cref="Name"/> is null for runs that have no experiment.</summary>
public sealed record ExperimentRow(string StoreKey, string? Name, int RunCount, DateTimeOffset? LastStart);

/// <summary>One run's row with the one metric the caller asked for (the main metric), if the run has it.</summary>
public sealed record RunRow(
    string Id,
    string Source,
    string StoreKey,
    string? Experiment,
    string Name,
    string? ParentId,
    RunStatus Status,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    string Directory,
    int ChildCount,
    MetricSummary? MainMetric);

/// <summary>Everything the index knows of one run, except full metric series.</summary>
public sealed record RunDetailsRow(
    RunRow Run,
    string NativeId,
    string StorePath,
    string? ExperimentId,
    string? User,
    string? Host,
    string? Command,
    string? GitCommit,
    bool? GitDirty,
    string? Note,
    string? MetricsFile,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, MetricSummary> Metrics,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>A page of rows and the total they were cut from.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Offset);

/// <summary>How many runs report a metric; the main-metric choice reads these.</summary>
public sealed record MetricKeyCount(string Key, int RunCount);

/// <summary>Totals the status bar shows.</summary>
public sealed record IndexCounts(int Runs, int Live, int Problems);
