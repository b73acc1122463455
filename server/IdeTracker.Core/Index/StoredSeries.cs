using IdeTracker.Core.Model;

namespace IdeTracker.Core.Index;

/// <summary>One metric history as the index stores it, not yet decoded, so callers can decode many at once
/// on as many threads as suits them.</summary>
public sealed record StoredSeries(string RunId, string Key, byte[] Blob)
{
    /// <summary>Every point, in the order logged. Throws <see cref="InvalidDataException"/> for a damaged blob.</summary>
    public MetricPoint[] Decode() => MetricSeriesCodec.Decode(Blob);
}
