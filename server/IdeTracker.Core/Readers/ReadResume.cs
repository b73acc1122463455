namespace IdeTracker.Core.Readers;

/// <summary>Where a resumable reader stopped in a unit: each reader subclasses it with what it needs (the runs
/// read so far, the offset reached in each file, parser state). Opaque to everything but its reader; it may
/// share objects with the result it came with, so a reader must treat it as its own from then on.</summary>
public abstract class ReadResume
{
    /// <summary>The unit path this state belongs to; a reader ignores a resume made for another unit.</summary>
    public required string UnitPath { get; init; }
}
