using IdeTracker.Core.Model;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>What both MLflow stores say about a run before it becomes a <see cref="Run"/>: the fields of
/// its run row or meta.yaml plus its tags, which supply the names and links the row leaves out.</summary>
internal sealed class MlflowRunRecord(string runId)
{
    public const string Source = "mlflow";

    public string RunId { get; } = runId;

    public string? RunName { get; set; }

    public string? ExperimentId { get; set; }

    public string? ExperimentName { get; set; }

    public RunStatus Status { get; set; }

    public long? StartMs { get; set; }

    public long? EndMs { get; set; }

    public string? UserId { get; set; }

    public bool Deleted { get; set; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>The same fields without the tags and the experiment name, which each read adds anew.</summary>
    public MlflowRunRecord WithoutTags() => new(RunId)
    {
        RunName = RunName,
        ExperimentId = ExperimentId,
        Status = Status,
        StartMs = StartMs,
        EndMs = EndMs,
        UserId = UserId,
        Deleted = Deleted,
    };

    /// <param name="storePath">Absolute store path (mlruns folder or mlflow.db).</param>
    /// <param name="storeRelativePath">The store path relative to the workspace, as run ids use it.</param>
    public Run ToRun(string storePath, string storeRelativePath, string directory, string? metricsFile)
    {
        var parent = Tag(MlflowTags.ParentRunId);
        var run = new Run
        {
            Id = RunIds.Make(Source, storeRelativePath, RunId),
            Source = Source,
            NativeId = RunId,
            StorePath = storePath,
            ExperimentId = ExperimentId,
            Experiment = ExperimentName,
            Name = NonEmpty(RunName) ?? Tag(MlflowTags.RunName) ?? RunId,
            ParentId = parent is null ? null : RunIds.Make(Source, storeRelativePath, parent),
            Status = Status,
            StartTime = FromMs(StartMs),
            EndTime = FromMs(EndMs),
            User = NonEmpty(UserId) ?? Tag(MlflowTags.User),
            Command = Tag(MlflowTags.SourceName),
            GitCommit = Tag(MlflowTags.GitCommit),
            Note = Tag(MlflowTags.Note),
            Directory = directory,
            MetricsFile = metricsFile,
        };

        foreach (var (key, value) in Tags)
        {
            run.Tags[key] = value;
        }

        return run;
    }

    /// <summary>True when <paramref name="ms"/> is a time a <see cref="DateTimeOffset"/> can hold.</summary>
    public static bool IsRepresentableTime(long ms) =>
        ms >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds() && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    private static DateTimeOffset? FromMs(long? ms) =>
        ms is { } value && IsRepresentableTime(value) ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;

    private string? Tag(string key) => Tags.TryGetValue(key, out var value) ? NonEmpty(value) : null;

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
