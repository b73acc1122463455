using IdeTracker.Core.Model;

namespace IdeTracker.Core.Index;

/// <summary>A store as the tree shows it. <see cref="Path"/> is relative to the workspace, forward slashes.</summary>
public sealed record StoreRow(string Key, string Source, string Path, int RunCount);

/// <summary>An experiment of a store. <see cref="Name"/> is null for runs that have no experiment.</summary>
public sealed record ExperimentRow(string StoreKey, string? Name, int RunCount, DateTimeOffset? LastStart);

/// <summary>One run's row with the one metric the caller asked for (the main metric), if the run has it.
/// <see cref="LastWrite"/> is the newest write time among the files of the run's own folder (or file) it was read
/// from: with a status that is not final it tells a run still being written from one that stopped.</summary>
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
    MetricSummary? MainMetric,
    string? Label = null,
    DateTimeOffset? LastWrite = null)
{
    /// <summary>The run's own files are gone: the row is the snapshot its annotation kept.</summary>
    public bool Gone { get; init; }

    public bool Starred { get; init; }

    /// <summary>The tags the user gave the run (its annotation's), sorted.</summary>
    public IReadOnlyList<string> UserTags { get; init; } = [];

    /// <summary>Still being written: its status is not final and one of its files changed within <paramref name="window"/>.</summary>
    public bool IsLive(DateTimeOffset now, TimeSpan window) =>
        Status is RunStatus.Running or RunStatus.Unknown && LastWrite is { } written && now - written <= window;
}

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
    IReadOnlyDictionary<string, string> Tags)
{
    public IReadOnlyDictionary<string, string> Packages { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<RunMedia> Media { get; init; } = [];

    public IReadOnlyList<DataInput> DataInputs { get; init; } = [];
}

/// <summary>A page of rows and the total they were cut from.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Offset);

/// <summary>How many runs report a metric; the main-metric choice reads these.</summary>
public sealed record MetricKeyCount(string Key, int RunCount);

/// <summary>Totals the status bar shows.</summary>
public sealed record IndexCounts(int Runs, int Live, int Problems);
