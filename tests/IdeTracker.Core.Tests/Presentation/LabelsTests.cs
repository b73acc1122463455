using IdeTracker.Core.Presentation;

namespace IdeTracker.Core.Tests.Presentation;

public sealed class LabelsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Times_read_as_how_long_ago()
    {
        Assert.Equal("3 days ago", Labels.TimeAgo(Now.AddDays(-3), Now));
        Assert.Equal("an hour ago", Labels.TimeAgo(Now.AddMinutes(-61), Now));
    }

    [Fact]
    public void Durations_keep_two_units()
    {
        Assert.Equal("2 minutes, 13 seconds", Labels.Duration(TimeSpan.FromSeconds(133)));
        Assert.Equal("412 milliseconds", Labels.Duration(TimeSpan.FromMilliseconds(412)));
        Assert.Equal("58 seconds", Labels.Duration(TimeSpan.FromMilliseconds(57_996)));
        Assert.Equal("1 minute, 1 second", Labels.Duration(TimeSpan.FromMilliseconds(60_700)));
        Assert.Equal("3 hours, 5 minutes", Labels.Duration(TimeSpan.FromSeconds(3 * 3600 + 5 * 60 + 59)));
    }

    [Fact]
    public void A_run_duration_needs_an_end_after_the_start()
    {
        Assert.Equal("1 minute", Labels.RunDuration(Now, Now.AddMinutes(1)));
        Assert.Null(Labels.RunDuration(Now, Now));
        Assert.Null(Labels.RunDuration(Now, null));
        Assert.Null(Labels.RunDuration(null, Now));
    }

    [Fact]
    public void Counts_are_grouped_and_pluralised()
    {
        Assert.Equal("1,234 runs", Labels.Count(1234, "run"));
        Assert.Equal("1 run", Labels.Count(1, "run"));
        Assert.Equal("1,234 runs · 2 live · 3 problems", Labels.IndexSummary(1234, 2, 3));
        Assert.Equal("0 runs", Labels.IndexSummary(0, 0, 0));
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(512, "512 B")]
    [InlineData(1536, "1.5 KB")]
    [InlineData(5L * 1024 * 1024 * 1024, "5 GB")]
    public void Sizes_take_the_largest_unit_with_one_decimal_at_most(long bytes, string expected) =>
        Assert.Equal(expected, Labels.Size(bytes));

    [Theory]
    [InlineData(0.93412, "0.9341")]
    [InlineData(0.0003, "3e-4")]
    [InlineData(12345678.0, "1.235e+7")]
    [InlineData(42.0, "42")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "∞")]
    [InlineData(double.NegativeInfinity, "−∞")]
    public void Metric_values_are_short_and_spell_out_non_finite_values(double value, string expected)
    {
        Assert.Equal(expected, Labels.Metric(value));
    }

    [Fact]
    public void Iso_times_are_utc_with_milliseconds()
    {
        Assert.Equal("2023-10-24T19:46:47.530Z", Labels.Iso(DateTimeOffset.FromUnixTimeMilliseconds(1698176807530)));
    }
}
