using FsCheck;
using FsCheck.Xunit;
using IdeTracker.Core.Model;
using IdeTracker.Core.Series;

namespace IdeTracker.Core.Tests.Series;

public sealed class SeriesDownsamplerTests
{
    /// <summary>Values FsCheck makes include NaN and ±Infinity; steps rise by the given gaps (0 gaps make repeated steps).</summary>
    private static MetricPoint[] Series(double[] values, byte[] gaps)
    {
        var points = new MetricPoint[values.Length];
        long step = 0;
        for (var i = 0; i < values.Length; i++)
        {
            step += gaps.Length == 0 ? 1 : gaps[i % gaps.Length];
            points[i] = new MetricPoint(step, 1_700_000_000_000 + step, values[i]);
        }

        return points;
    }

    private static int Budget(byte raw) => SeriesDownsampler.MinPoints + (raw % 40);

    [Property(MaxTest = 500)]
    public bool Never_more_than_the_budget(double[] values, byte[] gaps, byte raw) =>
        SeriesDownsampler.Downsample(Series(values, gaps), Budget(raw)).Count <= Budget(raw);

    [Property(MaxTest = 500)]
    public bool Kept_points_are_input_points_in_step_order(double[] values, byte[] gaps, byte raw)
    {
        var input = Series(values, gaps);
        var kept = SeriesDownsampler.Downsample(input, Budget(raw));
        var inputSet = input.ToHashSet();
        return kept.All(inputSet.Contains) && kept.Zip(kept.Skip(1)).All(p => p.First.Step <= p.Second.Step);
    }

    [Property(MaxTest = 500)]
    public bool Steps_strictly_increase_when_the_input_steps_do(double[] values, byte raw)
    {
        var kept = SeriesDownsampler.Downsample(Series(values, []), Budget(raw));
        return kept.Zip(kept.Skip(1)).All(p => p.First.Step < p.Second.Step);
    }

    [Property(MaxTest = 500)]
    public bool The_first_and_last_points_are_kept(NonEmptyArray<double> values, byte raw)
    {
        var input = Series(values.Get, []);
        var kept = SeriesDownsampler.Downsample(input, Budget(raw));
        return kept[0].Equals(input[0]) && kept[^1].Equals(input[^1]);
    }

    [Property(MaxTest = 500)]
    public bool The_largest_and_smallest_finite_values_are_kept(double[] values, byte raw)
    {
        var finite = values.Where(double.IsFinite).ToList();
        var kept = SeriesDownsampler.Downsample(Series(values, []), Budget(raw)).Select(p => p.Value).ToList();
        return finite.Count == 0 || (kept.Contains(finite.Max()) && kept.Contains(finite.Min()));
    }

    [Property(MaxTest = 500)]
    public bool A_series_within_the_budget_comes_back_untouched(double[] values, byte[] gaps, byte raw)
    {
        var input = Series(values, gaps).Take(Budget(raw)).ToArray();
        return ReferenceEquals(input, SeriesDownsampler.Downsample(input, Budget(raw)));
    }

    [Property(MaxTest = 500)]
    public bool Few_non_finite_points_are_all_kept(PositiveInt seed, byte raw)
    {
        var random = new Random(seed.Get);
        var budget = Budget(raw);
        var values = Enumerable.Range(0, budget * 3).Select(_ => random.NextDouble()).ToArray();
        var few = (budget - 4) / 4;
        var spiked = Enumerable.Range(0, few).Select(_ => random.Next(values.Length)).Distinct().ToList();
        foreach (var at in spiked)
        {
            values[at] = at % 3 == 0 ? double.NaN : at % 3 == 1 ? double.PositiveInfinity : double.NegativeInfinity;
        }

        var kept = SeriesDownsampler.Downsample(Series(values, []), budget);
        return kept.Count(p => !double.IsFinite(p.Value)) == spiked.Count;
    }

    [Fact]
    public void A_nan_spike_in_a_long_series_survives()
    {
        var values = Enumerable.Range(0, 100_000).Select(i => Math.Sin(i / 500.0)).ToArray();
        values[61_234] = double.NaN;

        var kept = SeriesDownsampler.Downsample(Series(values, []), 2000);

        Assert.Equal(2000, kept.Count, tolerance: 4);
        Assert.Contains(kept, p => p.Step == 61_235 && double.IsNaN(p.Value));
    }

    [Fact]
    public void Many_non_finite_points_take_at_most_a_quarter_of_the_budget_spread_over_the_series()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => i % 2 == 0 ? double.NaN : i).ToArray();

        var kept = SeriesDownsampler.Downsample(Series(values, []), 400);
        var nonFinite = kept.Where(p => double.IsNaN(p.Value)).ToList();

        Assert.True(kept.Count <= 400);
        Assert.InRange(nonFinite.Count, 90, 100);
        Assert.True(nonFinite[0].Step < 500 && nonFinite[^1].Step > 9_000, "the kept NaNs cover the whole series");
    }

    [Fact]
    public void A_single_peak_among_noise_is_kept_by_the_triangles()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 50_000).Select(_ => random.NextDouble() * 0.01).ToArray();
        values[10_000] = 0.5;
        values[30_000] = 0.4;

        var kept = SeriesDownsampler.Downsample(Series(values, []), 500);

        Assert.Contains(kept, p => p.Value == 0.5);
        Assert.Contains(kept, p => p.Value == 0.4);
    }

    [Fact]
    public void Points_logged_out_of_step_order_come_back_by_step()
    {
        var input = Enumerable.Range(0, 100).Select(i => new MetricPoint(100 - i, 0, i)).ToArray();

        var kept = SeriesDownsampler.Downsample(input, 10);

        Assert.Equal(kept.Select(p => p.Step).Order(), kept.Select(p => p.Step));
        Assert.Equal(1, kept[0].Step);
        Assert.Equal(100, kept[^1].Step);
    }

    [Fact]
    public void Non_finite_ends_do_not_spoil_the_triangles_for_the_finite_points()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => i % 100 == 50 ? 5.0 : 0.0).ToArray();
        values[0] = double.NaN;
        values[^1] = double.PositiveInfinity;

        var kept = SeriesDownsampler.Downsample(Series(values, []), 400);

        Assert.True(double.IsNaN(kept[0].Value));
        Assert.True(double.IsPositiveInfinity(kept[^1].Value));
        Assert.Equal(100, kept.Count(p => p.Value == 5.0));
    }

    [Fact]
    public void The_span_form_gives_what_the_list_form_gives()
    {
        var random = new Random(3);
        var input = Series([.. Enumerable.Range(0, 5_000).Select(i => i % 700 == 0 ? double.NaN : random.NextDouble())], []);

        Assert.Equal(SeriesDownsampler.Downsample(input, 300), SeriesDownsampler.DownsampleBuffer(input.AsSpan(), 300));
        Assert.Equal(input[..10], SeriesDownsampler.DownsampleBuffer(input.AsSpan(0, 10), 300));
    }

    [Fact]
    public void A_budget_below_the_minimum_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SeriesDownsampler.Downsample([], SeriesDownsampler.MinPoints - 1));
    }
}
