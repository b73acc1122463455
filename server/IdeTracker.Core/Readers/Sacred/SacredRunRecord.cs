using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Sacred;

/// <summary>What run.json says about a run, gathered before the <see cref="Run"/> is made (its fields are init-only).</summary>
internal sealed class SacredRunRecord
{
    public string? Experiment { get; set; }

    public RunStatus Status { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    public string? Host { get; set; }

    public string? User { get; set; }

    public string? Command { get; set; }

    public string? GitCommit { get; set; }

    public bool? GitDirty { get; set; }

    public string? Note { get; set; }

    public string? Label { get; set; }

    /// <summary>run.json's "result" when it is a number: becomes the metric "result".</summary>
    public double? Result { get; set; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Packages { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public List<DataInput> DataInputs { get; } = [];
}
