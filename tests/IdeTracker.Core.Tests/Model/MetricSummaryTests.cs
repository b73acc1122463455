using IdeTracker.Core.Model;

namespace IdeTracker.Core.Tests.Model;

public sealed class MetricSummaryTests
{
    [Fact]
    public void Last_is_the_point_with_the_greatest_step_then_timestamp_then_value()
    {
        var summary = MetricSummary.Of(
        [
            new MetricPoint(5, 100, 0.3),
            new MetricPoint(7, 90, 0.1),
            new MetricPoint(7, 95, 0.2),
            new MetricPoint(2, 200, 0.9),
        ])!;

        Assert.Equal(0.2, summary.Last);
        Assert.Equal(7, summary.LastStep);
        Assert.Equal(0.3, summary.First);
        Assert.Equal(0.1, summary.Min);
        Assert.Equal(0.9, summary.Max);
        Assert.Equal(4, summary.Count);
    }

    [Fact]
    public void NaN_is_kept_as_a_value_but_skipped_by_min_and_max()
    {
        var summary = MetricSummary.Of([new MetricPoint(0, 0, 1.0), new MetricPoint(1, 0, double.NaN)])!;

        Assert.True(double.IsNaN(summary.Last));
        Assert.Equal(1.0, summary.Min);
        Assert.Equal(1.0, summary.Max);
    }

    [Fact]
    public void Infinities_count_for_min_and_max()
    {
        var summary = MetricSummary.Of([new MetricPoint(0, 0, double.NegativeInfinity), new MetricPoint(1, 0, double.PositiveInfinity)])!;

        Assert.Equal(double.NegativeInfinity, summary.Min);
        Assert.Equal(double.PositiveInfinity, summary.Max);
    }

    [Fact]
    public void No_points_no_summary()
    {
        Assert.Null(MetricSummary.Of([]));
    }
}
