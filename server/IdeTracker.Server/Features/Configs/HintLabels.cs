using IdeTracker.Core.Configs;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Server.Features.Configs;

/// <summary>The inlay hint after a value and its tooltip. Null for a key that matched nothing (or several params).</summary>
public static class HintLabels
{
    public const string NotTried = "← not tried yet";

    /// <summary>"← best 0.934 (14 runs)", "← 14 runs" without a metric, <see cref="NotTried"/> for a new value.</summary>
    public static string? Label(ConfigEntry entry, KeyResults results)
    {
        if (!results.Match.IsMatched || entry.Value is null)
        {
            return null;
        }

        if (results.Find(entry.Value) is not { } current)
        {
            return NotTried;
        }

        var runs = Labels.Count(current.Runs, "run");
        return results.Metric is not null && current.Best is { } best
            ? $"← best {Labels.Metric(best)} ({runs})"
            : $"← {runs}";
    }

    public static string Tooltip(ConfigEntry entry, KeyResults results)
    {
        var key = MarkdownText.Escape(entry.DottedPath);
        var value = MarkdownText.Escape(ValueLabels.Show(entry.Value));
        string text;
        if (results.Find(entry.Value) is not { } current)
        {
            text = results.Values.Count == 0
                ? $"No run used **{key}** = **{value}** yet."
                : $"No run used **{key}** = **{value}** yet; {Labels.Count(results.Runs, "run")} tried {Labels.Count(results.Values.Count, "other value")}.";
        }
        else if (results.Metric is { } metric && current.Best is { } best)
        {
            var mean = current.Mean is { } m ? $" (mean {Labels.Metric(m)})" : string.Empty;
            text = $"Best **{MarkdownText.Escape(metric.Key)}** of the {Labels.Count(current.Runs, "run")} with **{key}** = **{value}**: {Labels.Metric(best)}{mean}.";
        }
        else
        {
            text = $"{Labels.Count(current.Runs, "run")} used **{key}** = **{value}**.";
        }

        return $"{text}\n\n{MetricNote.Markdown(results.Metric)}";
    }
}
