using IdeTracker.Core.Configs;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Server.Features.Configs;

/// <summary>The hover's one-line glimpse of the best metric across a key's numeric values, low to high (the order
/// <see cref="KeyResults.Values"/> lists them in), with what the bars mean. Null when there is no metric or the sparkline would not read well.</summary>
public static class ValueGlimpse
{
    public static string? Markdown(KeyResults results)
    {
        if (results.Metric is not { } metric)
        {
            return null;
        }

        var points = results.Values.Where(Plotted);
        var line = Sparkline.Of(points.Select(v => v.Best!.Value), metric.HigherIsBetter);
        if (line is null)
        {
            return null;
        }

        var from = MarkdownText.Escape(ValueLabels.Show(points.First().Text));
        var to = MarkdownText.Escape(ValueLabels.Show(points.Last().Text));
        return $"{line} best {MarkdownText.Escape(metric.Key)} by value, {from} → {to} (taller is better)";
    }

    private static bool Plotted(ValueResult value) =>
        value.Number is { } n && double.IsFinite(n) && value.Best is { } b && double.IsFinite(b);
}
