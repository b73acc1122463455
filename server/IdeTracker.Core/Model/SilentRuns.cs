namespace IdeTracker.Core.Model;

/// <summary>How long a run that says it is running may go without a sign of life before a reader that can tell
/// (W&amp;B by its log, Sacred by its heartbeat) calls it killed. One figure, so the server knows when to read such a
/// run again: nothing on disk changes when a run dies.</summary>
public static class SilentRuns
{
    /// <summary>Far above W&amp;B's stats interval and Sacred's 10-second heartbeat, short enough that a killed run
    /// shows as such soon.</summary>
    public static readonly TimeSpan KilledAfter = TimeSpan.FromMinutes(15);
}
