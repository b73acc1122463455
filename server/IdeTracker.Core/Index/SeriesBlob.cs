using IdeTracker.Core.Model;

namespace IdeTracker.Core.Index;

/// <summary>Decoding of the index's metric series blobs for callers outside the store, into buffers they own.
/// Each throws <see cref="InvalidDataException"/> for a damaged blob.</summary>
public static class SeriesBlob
{
    /// <summary>How many points the blob holds (checked against its length).</summary>
    public static int PointCount(ReadOnlySpan<byte> blob) => MetricSeriesCodec.PointCount(blob);

    /// <summary>Writes the points into the start of <paramref name="target"/>, at least <see cref="PointCount"/> long.</summary>
    public static void DecodeInto(ReadOnlySpan<byte> blob, Span<MetricPoint> target) => MetricSeriesCodec.DecodeInto(blob, target);
}
