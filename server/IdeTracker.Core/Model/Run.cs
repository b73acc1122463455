namespace IdeTracker.Core.Model;

/// <summary>One run as every reader fills it, whatever format it came from.</summary>
public sealed class Run
{
    /// <summary>Stable id: <see cref="RunIds.Make"/> of source, store path and native id.</summary>
    public required string Id { get; init; }

    /// <summary>Source kind: mlflow, lightning, tensorboard, hydra, sacred, wandb, dvc, guild, csv.</summary>
    public required string Source { get; init; }

    /// <summary>The id the source itself uses (MLflow run id, "version_3", …).</summary>
    public required string NativeId { get; init; }

    /// <summary>Absolute path of the store (mlruns folder, mlflow.db file, Lightning save dir).</summary>
    public required string StorePath { get; init; }

    public string? ExperimentId { get; init; }

    public string? Experiment { get; init; }

    public required string Name { get; init; }

    /// <summary>Stable id of the parent run, if this is a nested run.</summary>
    public string? ParentId { get; init; }

    public RunStatus Status { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public string? User { get; init; }

    public string? Host { get; init; }

    public string? Command { get; init; }

    public string? GitCommit { get; init; }

    public bool? GitDirty { get; init; }

    /// <summary>The run's note (MLflow mlflow.note.content …).</summary>
    public string? Note { get; init; }

    /// <summary>What sets this run apart from its siblings, in a few words: Hydra's overrides
    /// ("optimizer.lr=0.1 model=resnet"), a Guild label. Null when the source records nothing of the kind.</summary>
    public string? Label { get; init; }

    /// <summary>Absolute path of the run's folder (for a database store: the database file).</summary>
    public required string Directory { get; init; }

    /// <summary>The file that holds the metrics, when there is one to open.</summary>
    public string? MetricsFile { get; init; }

    /// <summary>Flattened params: dotted key → value as text.</summary>
    public Dictionary<string, string> Params { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Every point of every metric, in the order the source wrote them.</summary>
    public Dictionary<string, List<MetricPoint>> Metrics { get; } = new(StringComparer.Ordinal);

    /// <summary>Installed packages the source recorded: name → version ("" when only the name is known).</summary>
    public Dictionary<string, string> Packages { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the run ran, as recorded: "python" → "3.11.4", "os", "gpu", "cuda", "cpu_count", "program"…
    /// Keys are lower-case words; values are text a person reads.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Series that are not scalars (images, histograms, audio, text, tensors): listed, not loaded.</summary>
    public List<RunMedia> Media { get; } = [];

    /// <summary>Data the run read, where the source records it (DVC dependencies, MLflow dataset inputs).</summary>
    public List<DataInput> DataInputs { get; } = [];
}
