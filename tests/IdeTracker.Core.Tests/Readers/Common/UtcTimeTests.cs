using System.Globalization;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Tests.Readers.Common;

public sealed class UtcTimeTests
{
    [Fact]
    public void Isoformat_times_read_the_same_as_the_general_parser_gives()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var time = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks((long)(random.NextDouble() * 100 * 365 * TimeSpan.TicksPerDay));
            var digits = random.Next(8);
            var text = time.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)
                + (digits == 0 ? "" : "." + time.ToString("fffffff", CultureInfo.InvariantCulture)[..digits]);

            Assert.True(UtcTime.TryParseIso(text, out var parsed));
            Assert.Equal(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), parsed);
        }
    }

    [Theory]
    [InlineData("2024-02-08T23:02:17.744847", 1707433337744)]
    [InlineData("2024-02-08T23:02:17", 1707433337000)]
    [InlineData("2024-02-08 23:02:17", 1707433337000)]
    [InlineData("2024-02-09T01:02:17+02:00", 1707433337000)]
    [InlineData("2024-02-08T23:02:17Z", 1707433337000)]
    public void Times_without_a_zone_are_utc_and_zones_are_honoured(string text, long ms)
    {
        Assert.True(UtcTime.TryParseIso(text, out var time));
        Assert.Equal(ms, time.ToUnixTimeMilliseconds());
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Theory]
    [InlineData("2024-02-30T00:00:00")]
    [InlineData("2024-13-01T00:00:00")]
    [InlineData("2024-02-08T24:00:00")]
    [InlineData("yesterday")]
    [InlineData("12")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_that_is_not_a_time_is_not(string? text) => Assert.False(UtcTime.TryParseIso(text, out _));

    [Theory]
    [InlineData(1_700_000_000.5, 1_700_000_000_500)]
    [InlineData(1_700_000_000_500.0, 1_700_000_000_500)]
    public void Epoch_numbers_are_seconds_or_milliseconds(double number, long ms)
    {
        Assert.True(UtcTime.TryFromEpochNumber(number, out var parsed));
        Assert.Equal(ms, parsed);
    }

    [Theory]
    [InlineData(12.5)]
    [InlineData(0)]
    [InlineData(double.NaN)]
    [InlineData(5e15)]
    public void Numbers_outside_2000_to_2100_are_not_wall_times(double number) => Assert.False(UtcTime.TryFromEpochNumber(number, out _));
}
