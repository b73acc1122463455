using System.Text;
using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Core.Notes.Drafts;

/// <summary>"Results": status, duration and start of each linked run, the main metric's best and last value (its
/// direction said), and the last value of up to <see cref="MaxOtherMetrics"/> other metrics.</summary>
internal static class ResultsSection
{
    public const int MaxOtherMetrics = 6;

    public static void Write(StringBuilder markdown, IReadOnlyList<RunDetailsRow> runs, MetricChoice? main, DateTimeOffset now)
    {
        markdown.AppendLine("## Results").AppendLine();
        var table = new MarkdownTable(["", .. runs.Select(r => MarkdownText.EscapeForEditing(r.Run.Name))]);
        table.Add("Status", runs.Select(r => RunStatusNames.ToWire(r.Run.Status)));
        table.Add("Duration", runs.Select(r => Labels.RunDuration(r.Run.StartTime, r.Run.EndTime) ?? "unknown"));
        table.Add("Started", runs.Select(r => r.Run.StartTime is { } start ? Labels.TimeAgo(start, now) : "unknown"));
        if (main is not null)
        {
            var direction = main.HigherIsBetter ? "higher is better" : "lower is better";
            var key = MarkdownText.Code(main.Key);
            table.Add($"{key} best ({direction})", runs.Select(r => r.Metrics.TryGetValue(main.Key, out var m) ? Labels.Metric(main.HigherIsBetter ? m.Max : m.Min) : "—"));
            table.Add($"{key} last", runs.Select(r => r.Metrics.TryGetValue(main.Key, out var m) ? Labels.Metric(m.Last) : "—"));
        }

        var others = runs.SelectMany(r => r.Metrics.Keys)
            .Where(k => k != main?.Key)
            .GroupBy(k => k, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, NaturalStringComparer.Instance)
            .Select(g => g.Key)
            .ToList();
        foreach (var key in others.Take(MaxOtherMetrics))
        {
            table.Add($"{MarkdownText.Code(key)} last", runs.Select(r => r.Metrics.TryGetValue(key, out var m) ? Labels.Metric(m.Last) : "—"));
        }

        table.WriteTo(markdown);
        markdown.AppendLine();
        if (main is null)
        {
            markdown.AppendLine("No main metric: no metric name says which way is better; set `ideTracker.primaryMetric` to choose one.").AppendLine();
        }

        if (others.Count > MaxOtherMetrics)
        {
            markdown.AppendLine($"…and {Labels.Count(others.Count - MaxOtherMetrics, "more metric")}.").AppendLine();
        }
    }
}
