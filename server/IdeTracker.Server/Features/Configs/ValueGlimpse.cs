using IdeTracker.Core.Configs;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Server.Features.Configs;

/// <summary>The hover's one-line glimpse of the best metric across a key's numeric values, low to high, with what
/// the bars mean. Null when there is no metric or the sparkline would not read well.</summary>
public static class ValueGlimpse
{
    public static string? Markdown(KeyResults results)
    {
        if (results.Metric is not { } metric)
        {
            return null;
        }

        var points = results.Values
            .Where(v => v.Number is { } n && double.IsFinite(n) && v.Best is { } b && double.IsFinite(b))
            .OrderBy(v => v.Number)
            .ToList();
        var line = Sparkline.Of([.. points.Select(v => v.Best!.Value)], metric.HigherIsBetter);
        if (line is null)
        {
            return null;
        }

        var from = MarkdownText.Escape(ValueLabels.Show(points[0].Text));
        var to = MarkdownText.Escape(ValueLabels.Show(points[^1].Text));
        return $"{line} best {MarkdownText.Escape(metric.Key)} by value, {from} → {to} (taller is better)";
    }
}
