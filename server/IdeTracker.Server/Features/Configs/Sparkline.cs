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
    /// the best of its stretch of neighbouring values. Reads the values twice and keeps only the bars, so a key with
    /// a hundred thousand values costs no large copy.</summary>
    public static string? Of(IEnumerable<double> values, bool higherIsBetter)
    {
        var count = values.Count(double.IsFinite);
        if (count < MinPoints)
        {
            return null;
        }

        var bars = new double[Math.Min(count, MaxWidth)];
        Array.Fill(bars, double.NegativeInfinity);
        var index = 0;
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                var bar = (int)((long)index * bars.Length / count);
                bars[bar] = Math.Max(bars[bar], higherIsBetter ? value : -value);
                index++;
            }
        }

        var low = bars.Min();
        var high = bars.Max();
        if (high - low <= Math.Abs(high) * 1e-12)
        {
            return null;
        }

        return string.Concat(bars.Select(p => Bars[(int)Math.Round((p - low) / (high - low) * (Bars.Length - 1))]));
    }
}
