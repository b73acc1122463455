using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>Everything read so far from the event files of one folder, in the order they were read: tags with
/// their points and media, the hparams plugin's values and status, and the first and last wall times.
/// A resumed read carries on appending to the same state.</summary>
internal sealed class EventRunState
{
    public TagTable Tags { get; } = new();

    /// <summary>From session_start_info, in the order first seen.</summary>
    public Dictionary<string, string> Hparams { get; } = new(StringComparer.Ordinal);

    /// <summary>From the last session_end_info; null when there was none.</summary>
    public RunStatus? SessionStatus { get; set; }

    /// <summary>Seconds since the epoch; null until a record with a real wall time is read.</summary>
    public double? FirstWallTime { get; private set; }

    public double? LastWallTime { get; private set; }

    /// <summary>Set once the tag limit has been reported, so it is said once.</summary>
    public bool ReportedTooManyTags { get; set; }

    /// <summary>A wall time of 0 (or not a finite number) means the writer recorded none.</summary>
    public void NoteWallTime(double seconds)
    {
        if (seconds is 0 || !double.IsFinite(seconds))
        {
            return;
        }

        FirstWallTime ??= seconds;
        LastWallTime = seconds;
    }

    /// <summary>Wall-clock milliseconds for a metric point; 0 when unknown or out of range.</summary>
    public static long ToMilliseconds(double seconds)
    {
        var ms = Math.Round(seconds * 1000);
        return double.IsFinite(ms) && Math.Abs(ms) < 9.2e18 ? (long)ms : 0;
    }

    public static DateTimeOffset? ToTime(double? seconds)
    {
        if (seconds is not { } s)
        {
            return null;
        }

        var ms = ToMilliseconds(s);
        return ms is > -62135596800000 and < 253402300800000 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }
}
