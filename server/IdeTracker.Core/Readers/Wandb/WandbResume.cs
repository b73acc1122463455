namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Where the previous read of a run folder's log stopped: the state it had built (which a resumed
/// read goes on filling, so the runs of earlier results share its metric lists), the offset reached, and the
/// bytes just before that offset to tell that the file is still the one that was read.</summary>
internal sealed class WandbResume : ReadResume
{
    public required string LogPath { get; init; }

    /// <summary>The state's offset when this resume was made: if they differ, someone carried on from the
    /// state since (or a read of it was cut short), and it cannot be trusted to match the file.</summary>
    public required long Offset { get; init; }

    public required WandbLogState State { get; init; }

    public required byte[] BytesBeforeOffset { get; init; }
}
