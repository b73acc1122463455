namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Times W&amp;B records as seconds or milliseconds since the epoch, turned into DateTimeOffset only when
/// they fit one: a damaged or odd value gives no time rather than an exception.</summary>
internal static class UnixTime
{
    private static readonly long MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public static DateTimeOffset? FromMilliseconds(long ms) =>
        ms is >= 0 && ms <= MaxMilliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    public static DateTimeOffset? FromSeconds(double seconds) =>
        double.IsFinite(seconds) && seconds >= 0 && seconds * 1000 <= MaxMilliseconds ? FromMilliseconds((long)(seconds * 1000)) : null;
}
