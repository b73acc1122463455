using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Guild;

/// <summary>A Guild run's status, decided the way Guild's own run.status does: markers first, then the exit
/// status, then the process lock.</summary>
internal static class GuildStatus
{
    public static RunStatus Of(IReadOnlySet<string> markers, long? exitStatus)
    {
        if (markers.Contains("LOCK.remote"))
        {
            return RunStatus.Running;
        }

        // Guild shows "pending" (queued) and "staged" (prepared to start later): neither has run yet, whatever
        // attrs a copied run folder still carries.
        if (markers.Contains("PENDING") || markers.Contains("STAGED"))
        {
            return RunStatus.Scheduled;
        }

        if (exitStatus is { } code)
        {
            // Guild's "terminated": killed by a signal, or stopped with Ctrl-C (its exit status -16).
            return code == 0 ? RunStatus.Finished : code < 0 ? RunStatus.Killed : RunStatus.Failed;
        }

        // No exit status yet: Guild holds a LOCK with the process id while the run goes. Without one nothing is
        // running it and it never finished: Guild calls that "error". (Whether a LOCK's process is still alive
        // cannot be told from files, least of all on another machine; a stale LOCK shows as running.)
        return markers.Contains("LOCK") ? RunStatus.Running : RunStatus.Failed;
    }
}
