namespace IdeTracker.Core.Model;

/// <summary>How recently a run's files must have changed, its status not being final, for it to count as still being
/// written (<see cref="Index.RunRow.IsLive"/>): the tree spins it, and its annotation's snapshot waits until it is quiet.</summary>
public static class LiveRuns
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
}
