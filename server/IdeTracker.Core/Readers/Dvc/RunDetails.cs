using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>What a run of a project has beyond its files' content: who, when and which commit. Filled
/// differently for the workspace and for a branch or experiment.</summary>
internal sealed record RunDetails
{
    public required string NativeId { get; init; }

    public required string Name { get; init; }

    public RunStatus Status { get; init; }

    public string? ParentId { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public string? User { get; init; }

    public string? Command { get; init; }

    public string? GitCommit { get; init; }

    public bool? GitDirty { get; init; }

    public string? Note { get; init; }

    public string? Label { get; init; }

    public string? MetricsFile { get; init; }
}
