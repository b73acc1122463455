using IdeTracker.Server.Features.Configs;

namespace IdeTracker.Server.Tests.Configs;

public sealed class SparklineTests
{
    [Fact]
    public void Bars_rise_with_the_metric_from_lowest_to_highest()
    {
        Assert.Equal("▁▂▃▄▅▆▇█", Sparkline.Of([0, 1, 2, 3, 4, 5, 6, 7], higherIsBetter: true));
    }

    [Fact]
    public void For_a_lower_is_better_metric_the_lowest_value_draws_the_tallest_bar()
    {
        Assert.Equal("█▅▁", Sparkline.Of([0.1, 0.2, 0.35], higherIsBetter: false));
    }

    [Fact]
    public void Fewer_than_three_points_or_a_flat_line_draw_nothing()
    {
        Assert.Null(Sparkline.Of([0.1, 0.9], higherIsBetter: true));
        Assert.Null(Sparkline.Of([0.5, 0.5, 0.5, 0.5], higherIsBetter: true));
        Assert.Null(Sparkline.Of([], higherIsBetter: true));
    }

    [Fact]
    public void Non_finite_values_are_left_out()
    {
        Assert.Equal("▁█▁", Sparkline.Of([0, double.NaN, 1, double.PositiveInfinity, 0], higherIsBetter: true));
        Assert.Null(Sparkline.Of([0, double.NaN, 1, double.NegativeInfinity], higherIsBetter: true));
    }

    [Fact]
    public void Many_values_are_drawn_in_at_most_max_width_bars_each_the_best_of_its_stretch()
    {
        var values = Enumerable.Range(0, 100).Select(i => i == 50 ? 1000.0 : i).ToList();

        var line = Sparkline.Of(values, higherIsBetter: true)!;

        Assert.Equal(Sparkline.MaxWidth, line.Length);
        Assert.Equal(1, line.Count(c => c == '█'));
        Assert.Equal('█', line[50 * Sparkline.MaxWidth / 100]);
    }
}
