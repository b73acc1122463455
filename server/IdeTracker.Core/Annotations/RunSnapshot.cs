using System.Text.Json.Nodes;

namespace IdeTracker.Core.Annotations;

/// <summary>What an annotation keeps of its run so the record outlives the run's own files: names, times,
/// git commit, the parent run, params as text and the last value of each metric. <see cref="Store"/> and <see cref="Path"/>
/// are relative to the workspace with forward slashes. <see cref="Extra"/> holds fields this version does not
/// know (a newer version's, or the user's), written back as they were.</summary>
public sealed record RunSnapshot
{
    public required string Name { get; init; }

    public required string Source { get; init; }

    public required string Store { get; init; }

    public string? Experiment { get; init; }

    /// <summary>The id of the run this one is a child of, so a child whose files are gone stays under its parent;
    /// null for a top-level run, and in files written before it was kept.</summary>
    public string? ParentId { get; init; }

    public required string Status { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public string? GitCommit { get; init; }

    public required string Path { get; init; }

    public IReadOnlyDictionary<string, string> Params { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new SortedDictionary<string, double>(StringComparer.Ordinal);

    public DateTimeOffset? RecordedAt { get; init; }

    public JsonObject? Extra { get; init; }

    /// <summary>True when both describe the run the same way; when they were recorded and unknown fields do
    /// not count, so an unchanged run never rewrites its file.</summary>
    public bool SameRunAs(RunSnapshot other) =>
        Name == other.Name && Source == other.Source && Store == other.Store && Experiment == other.Experiment
        && ParentId == other.ParentId && Status == other.Status && StartTime == other.StartTime && EndTime == other.EndTime
        && GitCommit == other.GitCommit && Path == other.Path
        && SameEntries(Params, other.Params) && SameEntries(Metrics, other.Metrics);

    private static bool SameEntries<T>(IReadOnlyDictionary<string, T> a, IReadOnlyDictionary<string, T> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !EqualityComparer<T>.Default.Equals(value, other))
            {
                return false;
            }
        }

        return true;
    }
}
