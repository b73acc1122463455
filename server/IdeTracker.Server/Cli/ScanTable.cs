using IdeTracker.Core.Index;
using IdeTracker.Core.Indexing;
using IdeTracker.Core.Model;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Server.Cli;

/// <summary>The readable <c>scan</c> output: one row per run, columns padded to fit, long cells cut with "…".</summary>
public static class ScanTable
{
    private const int MaxCell = 40;

    public static void Write(TextWriter output, IReadOnlyList<RunDetailsRow> runs, MetricChoice? mainMetric, DateTimeOffset now)
    {
        var metricHeader = mainMetric is null ? "MAIN METRIC" : $"{mainMetric.Key.ToUpperInvariant()} ({(mainMetric.HigherIsBetter ? "higher" : "lower")} is better)";
        var rows = new List<string[]> { new[] { "NAME", "SOURCE", "EXPERIMENT", "STATUS", "STARTED", "DURATION", metricHeader } };
        foreach (var details in runs)
        {
            var run = details.Run;
            var metric = mainMetric is not null && details.Metrics.TryGetValue(mainMetric.Key, out var m) ? Labels.Metric(m.Last) : "";
            rows.Add(
            [
                run.ParentId is null ? run.Name : "  └ " + run.Name,
                SourceNames.Display(run.Source),
                run.Experiment ?? "",
                run.Status.ToWire(),
                run.StartTime is { } s ? Labels.TimeAgo(s, now) : "",
                Labels.RunDuration(run.StartTime, run.EndTime) ?? "",
                metric,
            ]);
        }

        var widths = new int[rows[0].Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = Cut(row[i], i == row.Length - 1 ? 80 : MaxCell);
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
