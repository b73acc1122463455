namespace IdeTracker.Server.Features.Configs;

/// <summary>A glimpse of a metric across values in one line of block characters, tallest where the metric is best
/// (so for a lower-is-better metric the lowest value draws the tallest bar).</summary>
public static class Sparkline
{
    public const int MinPoints = 3;
    public const int MaxWidth = 24;
    private const string Bars = "▁▂▃▄▅▆▇█";

    /// <summary>Null when it would not read well: fewer than <see cref="MinPoints"/> finite values, or all equal.
    /// Non-finite values are left out. More than <see cref="MaxWidth"/> values are drawn in that many bars, each
    /// the best of its stretch of neighbouring values.</summary>
    public static string? Of(IReadOnlyList<double> values, bool higherIsBetter)
    {
        var goodness = values.Where(double.IsFinite).Select(v => higherIsBetter ? v : -v).ToList();
        if (goodness.Count < MinPoints)
        {
            return null;
        }

        var points = Squeeze(goodness);
        var low = points.Min();
        var high = points.Max();
        if (high - low <= Math.Abs(high) * 1e-12)
        {
            return null;
        }

        return string.Concat(points.Select(p => Bars[(int)Math.Round((p - low) / (high - low) * (Bars.Length - 1))]));
    }

    private static List<double> Squeeze(List<double> points)
    {
        if (points.Count <= MaxWidth)
        {
            return points;
        }

        return [.. Enumerable.Range(0, MaxWidth).Select(bar =>
        {
            var start = bar * points.Count / MaxWidth;
            var end = (bar + 1) * points.Count / MaxWidth;
            return points.Skip(start).Take(end - start).Max();
        })];
    }
}
