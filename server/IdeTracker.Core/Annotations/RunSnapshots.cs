using IdeTracker.Core.Index;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Annotations;

/// <summary>Makes a run's snapshot from what the index holds of it.</summary>
public static class RunSnapshots
{
    public static RunSnapshot From(RunDetailsRow details, string workspaceRoot, DateTimeOffset recordedAt)
    {
        var run = details.Run;
        return new RunSnapshot
        {
            Name = run.Name,
            Source = run.Source,
            Store = PathText.RelativeOrSelf(workspaceRoot, details.StorePath),
            Experiment = run.Experiment,
            ParentId = run.ParentId,
            Status = run.Status.ToWire(),
            StartTime = run.StartTime,
            EndTime = run.EndTime,
            GitCommit = details.GitCommit,
            Path = PathText.RelativeOrSelf(workspaceRoot, run.Directory),
            Params = new SortedDictionary<string, string>(details.Params.ToDictionary(), StringComparer.Ordinal),
            Metrics = new SortedDictionary<string, double>(details.Metrics.ToDictionary(kv => kv.Key, kv => kv.Value.Last), StringComparer.Ordinal),
            RecordedAt = TruncatedToMilliseconds(recordedAt),
        };
    }

    /// <summary>The file keeps milliseconds; a snapshot compared with its own file must read back the same.</summary>
    private static DateTimeOffset TruncatedToMilliseconds(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
}
