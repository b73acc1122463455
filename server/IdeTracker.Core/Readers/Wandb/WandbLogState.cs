namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Everything read from a run-&lt;id&gt;.wandb log so far, and where reading stopped: a whole read
/// starts from a new one, a resumed read carries on with the one the previous read left.</summary>
internal sealed class WandbLogState
{
    /// <summary>File offset of the next physical record not yet read (0: not even the file header).</summary>
    public long Offset { get; set; }

    public PendingRecord Pending { get; } = new();

    public RunFacts Facts { get; } = new();

    /// <summary>Config values by dotted key (nested_key parts joined with "."), as JSON text; later updates win.</summary>
    public Dictionary<string, string> Config { get; } = new(StringComparer.Ordinal);

    /// <summary>Summary values by dotted key, as JSON text; later updates win.</summary>
    public Dictionary<string, string> Summary { get; } = new(StringComparer.Ordinal);

    public History History { get; } = new();

    /// <summary>The latest time any record carried (history, console output, system stats), ms since the epoch;
    /// 0 when none did. Tells how long ago the run was last alive when the file's own time cannot.</summary>
    public long LastRecordedMs { get; set; }

    public LogProblems Problems { get; } = new();
}
