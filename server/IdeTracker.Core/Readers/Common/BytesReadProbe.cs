namespace IdeTracker.Core.Readers.Common;

/// <summary>Counts the bytes the readers of growing files (metric files, metrics.csv) read on the calling thread, so a
/// test can tell that a resumed read really read only what was appended. A thread-local add per buffer read: free
/// beside the read itself.</summary>
internal static class BytesReadProbe
{
    [ThreadStatic]
    private static long bytes;

    /// <summary>Bytes read on this thread so far; a test takes the difference around a read.</summary>
    public static long OnThisThread => bytes;

    public static void Add(int count) => bytes += count;
}
