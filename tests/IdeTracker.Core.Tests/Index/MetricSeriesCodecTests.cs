using FsCheck;
using FsCheck.Xunit;
using IdeTracker.Core.Index;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Tests.Index;

public sealed class MetricSeriesCodecTests
{
    private static readonly MetricPoint[] Extremes =
    [
        new(long.MinValue, long.MaxValue, double.NaN),
        new(long.MaxValue, long.MinValue, double.PositiveInfinity),
        new(0, 0, double.NegativeInfinity),
        new(-1, 1, -0.0),
        new(1, -1, double.Epsilon),
        new(long.MinValue, 0, BitConverter.Int64BitsToDouble(0x7FF8_0000_DEAD_BEEF)),
        new(42, 1_700_000_000_000, double.MaxValue),
    ];

    [Property(MaxTest = 300)]
    public bool Any_series_round_trips_bit_for_bit(DoNotSize<long>[] steps, DoNotSize<long>[] times, double[] values)
    {
        var count = Math.Min(steps.Length, Math.Min(times.Length, values.Length));
        var points = Enumerable.Range(0, count).Select(i => new MetricPoint(steps[i].Item, times[i].Item, values[i])).ToArray();

        return SameBits(points, MetricSeriesCodec.Decode(MetricSeriesCodec.Encode(points)));
    }

    [Fact]
    public void Extreme_steps_times_and_values_round_trip()
    {
        Assert.True(SameBits(Extremes, MetricSeriesCodec.Decode(MetricSeriesCodec.Encode(Extremes))));
    }

    [Fact]
    public void An_empty_series_round_trips()
    {
        Assert.Empty(MetricSeriesCodec.Decode(MetricSeriesCodec.Encode([])));
    }

    [Fact]
    public void A_regular_series_takes_little_more_than_its_values()
    {
        var points = Enumerable.Range(0, 100).Select(i => new MetricPoint(i, 1_700_000_000_000 + (i * 250), i * 0.01)).ToArray();

        Assert.True(MetricSeriesCodec.Encode(points).Length <= 2 + 7 + (100 * (1 + 2 + 8)));
    }

    [Fact]
    public void Every_truncation_of_a_blob_is_rejected()
    {
        var blob = MetricSeriesCodec.Encode(Extremes);

        for (var length = 0; length < blob.Length; length++)
        {
            var prefix = blob[..length];
            Assert.Throws<InvalidDataException>(() => MetricSeriesCodec.Decode(prefix));
        }
    }

    [Fact]
    public void Extra_bytes_and_unknown_versions_are_rejected()
    {
        var blob = MetricSeriesCodec.Encode(Extremes);
        var longer = blob.Append((byte)0).ToArray();
        var otherVersion = blob.ToArray();
        otherVersion[0] = 2;

        Assert.Contains("after", Assert.Throws<InvalidDataException>(() => MetricSeriesCodec.Decode(longer)).Message, StringComparison.Ordinal);
        Assert.Contains("version 2", Assert.Throws<InvalidDataException>(() => MetricSeriesCodec.Decode(otherVersion)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_claimed_count_is_rejected_before_allocating()
    {
        byte[] blob = [MetricSeriesCodec.Version, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0, 0];

        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => MetricSeriesCodec.Decode(blob)).Message, StringComparison.Ordinal);
    }

    private static bool SameBits(IReadOnlyList<MetricPoint> expected, IReadOnlyList<MetricPoint> actual) =>
        expected.Count == actual.Count
        && expected.Zip(actual).All(p =>
            p.First.Step == p.Second.Step
            && p.First.TimestampMs == p.Second.TimestampMs
            && BitConverter.DoubleToInt64Bits(p.First.Value) == BitConverter.DoubleToInt64Bits(p.Second.Value));
}
