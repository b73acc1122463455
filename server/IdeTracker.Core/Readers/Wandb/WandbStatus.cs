using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Decides a W&amp;B run's status. W&amp;B writes an exit record when the process ends: exit code 0 is
/// a finished run, any other a failed one. A log without one belongs to a run still going or to one killed
/// before it could write it, and only time tells them apart: a live run keeps writing its log (console
/// lines, system stats every few seconds, history), so one that has been quiet for longer than
/// <see cref="QuietBeforeKilled"/> is taken as killed. The last sign of life is the earlier of the file's
/// write time and the latest time recorded inside it: a copied or touched log has a fresh write time, but
/// what it recorded still shows when the run last did anything.</summary>
internal static class WandbStatus
{
    public static readonly TimeSpan QuietBeforeKilled = SilentRuns.KilledAfter;

    /// <param name="exitCode">From the exit record; null when the log has none.</param>
    /// <param name="logWritten">The log's write time; null when there is no log (then nothing tells).</param>
    /// <param name="lastRecordedMs">The latest time inside the log, ms since the epoch; 0 when none.</param>
    public static RunStatus Of(int? exitCode, DateTimeOffset? logWritten, long lastRecordedMs, DateTimeOffset now)
    {
        if (exitCode is { } code)
        {
            return code == 0 ? RunStatus.Finished : RunStatus.Failed;
        }

        if (logWritten is not { } written)
        {
            return RunStatus.Unknown;
        }

        var lastAlive = lastRecordedMs > 0 && lastRecordedMs < written.ToUnixTimeMilliseconds()
            ? UnixTime.FromMilliseconds(lastRecordedMs) ?? written
            : written;
        return now - lastAlive > QuietBeforeKilled ? RunStatus.Killed : RunStatus.Running;
    }
}
