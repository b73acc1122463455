namespace IdeTracker.Core.Tests.Readers.Wandb;

/// <summary>A clock that says what the test wants: whether a run without an exit record is killed or still
/// running depends on how long ago its log was written.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    /// <summary>Years after the corpus was written, whenever the corpus files were copied.</summary>
    public static readonly FixedTime Later = new(new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
