using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Sacred;

/// <summary>Sacred's run.json status words, and how a run that stopped beating is told apart from a live one.</summary>
internal static class SacredStatus
{
    /// <summary>A RUNNING run writes a heartbeat every 10 seconds by default (--beat-interval); one whose last
    /// heartbeat (or start, before the first beat) is older than this died without writing its end: killed,
    /// out of memory, its machine gone. Generous, so that a long beat interval or a slow disk never turns a
    /// live run into a dead one.</summary>
    public static readonly TimeSpan StaleAfter = SilentRuns.KilledAfter;

    /// <summary>QUEUED → Scheduled, RUNNING → Running, COMPLETED → Finished, FAILED → Failed (an exception),
    /// INTERRUPTED → Killed (Ctrl-C or a SacredInterrupt), TIMEOUT → Killed: TimeoutInterrupt is what code raises
    /// to stop a run at its time limit, so the run was stopped from outside its work, not broken by it.
    /// Null for a word Sacred does not write.</summary>
    public static RunStatus? Parse(string? text) => text switch
    {
        "QUEUED" => RunStatus.Scheduled,
        "RUNNING" => RunStatus.Running,
        "COMPLETED" => RunStatus.Finished,
        "FAILED" => RunStatus.Failed,
        "INTERRUPTED" or "TIMEOUT" => RunStatus.Killed,
        _ => null,
    };

    /// <summary>True when a RUNNING run's last sign of life is older than <see cref="StaleAfter"/>.</summary>
    public static bool IsStale(DateTimeOffset? lastSignOfLife, DateTimeOffset now) =>
        lastSignOfLife is { } last && now - last > StaleAfter;
}
