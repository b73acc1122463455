using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>What one version of a project holds for its run (the workspace, or a commit): params, metrics,
/// the data it depended on, and the times DVCLive recorded.</summary>
internal sealed class ProjectContent
{
    public ProjectContent(ProjectLayout layout) => Layout = layout;

    public ProjectLayout Layout { get; }

    public Dictionary<string, string> Params { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<MetricPoint>> Metrics { get; } = new(StringComparer.Ordinal);

    /// <summary>dvc.lock's dependencies, paths relative to the workspace.</summary>
    public List<DataInput> DataInputs { get; } = [];

    /// <summary>dvc.lock's outputs as tags: "dvc.out.&lt;path&gt;" → digest.</summary>
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public List<RunMedia> Media { get; } = [];

    public string? Command => Layout.Pipeline.Command;

    /// <summary>Project-relative path of the file to open for metrics: a DVCLive metrics.json, else the first
    /// metrics file dvc.yaml names that is there.</summary>
    public string? MetricsFile { get; set; }

    /// <summary>Earliest and latest wall time in the .tsv files, when DVCLive kept them (ms since the epoch).</summary>
    public long? FirstTimestampMs { get; set; }

    public long? LastTimestampMs { get; set; }
}
