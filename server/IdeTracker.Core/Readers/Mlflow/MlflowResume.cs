using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>Where <see cref="MlflowFileRunReader"/> stopped in a run folder: each metric file's state, and the small
/// files (meta.yaml, tags, params) as they were read with the stamps they had, so the next read re-reads only those
/// whose stamps changed and only the appended lines of the metric files.</summary>
internal sealed class MlflowResume : ReadResume
{
    public required FileStamp MetaStamp { get; init; }

    /// <summary>meta.yaml's record before the experiment and the tags are added to it: copied for each read.</summary>
    public required MlflowRunRecord Meta { get; init; }

    public required Problem[] MetaProblems { get; init; }

    /// <summary>Each tag file as last read, by path.</summary>
    public required IReadOnlyDictionary<string, ValueFileRead> Tags { get; init; }

    /// <summary>The params, valid for as long as the params folders keep these stamps (see <see cref="RunFolderScan"/>).</summary>
    public required FileStamp[] ParamFolders { get; init; }

    public required ValueFileRead[] Params { get; init; }

    /// <summary>Each metric file's state, by path.</summary>
    public required IReadOnlyDictionary<string, MetricFileState> Metrics { get; init; }
}
