using IdeTracker.Core.Index;
using IdeTracker.Core.Indexing;
using IdeTracker.Core.Model;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Server.Cli;

/// <summary>The readable <c>scan</c> output: one row per run, columns padded to fit, long cells cut with "…".</summary>
public static class ScanTable
{
    private const int MaxCell = 40;

    /// <summary><paramref name="nestChildren"/> false keeps the runs in the order given (a sorted <c>runs</c> listing).</summary>
    public static void Write(TextWriter output, IReadOnlyList<RunDetailsRow> runs, MetricChoice? mainMetric, DateTimeOffset now, bool nestChildren = true)
    {
        var metricHeader = mainMetric is null ? "MAIN METRIC" : $"{mainMetric.Key.ToUpperInvariant()} ({(mainMetric.HigherIsBetter ? "higher" : "lower")} is better)";
        var rows = new List<string[]> { new[] { "NAME", "SOURCE", "EXPERIMENT", "STATUS", "STARTED", "DURATION", metricHeader } };
        foreach (var (details, depth) in nestChildren ? InTreeOrder(runs) : runs.Select(r => (r, 0)))
        {
            var run = details.Run;
            var metric = mainMetric is not null && details.Metrics.TryGetValue(mainMetric.Key, out var m) ? Labels.Metric(m.Last) : "";
            rows.Add(
            [
                depth == 0 ? run.Name : new string(' ', 2 * depth) + "└ " + run.Name,
                SourceNames.Display(run.Source),
                run.Experiment ?? "",
                run.Gone ? run.Status.ToWire() + ", files gone" : run.Status.ToWire(),
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

    /// <summary>The runs in their order, each child run right below its parent (and its parent's other children);
    /// a run whose parent is not among them stays where it is.</summary>
    private static IEnumerable<(RunDetailsRow Details, int Depth)> InTreeOrder(IReadOnlyList<RunDetailsRow> runs)
    {
        var ids = runs.Select(r => r.Run.Id).ToHashSet(StringComparer.Ordinal);
        var children = runs.Where(r => r.Run.ParentId is { } p && ids.Contains(p) && p != r.Run.Id)
            .ToLookup(r => r.Run.ParentId!, StringComparer.Ordinal);
        var shown = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(RunDetailsRow, int)>();
        foreach (var top in runs.Where(r => r.Run.ParentId is not { } p || !ids.Contains(p) || p == r.Run.Id))
        {
            stack.Push((top, 0));
            while (stack.TryPop(out var item))
            {
                if (!shown.Add(item.Item1.Run.Id))
                {
                    continue;
                }

                yield return item;
                foreach (var child in children[item.Item1.Run.Id].Reverse())
                {
                    stack.Push((child, item.Item2 + 1));
                }
            }
        }

        // Runs caught in a parent loop (a's parent b, b's parent a) have no top; they are listed all the same.
        foreach (var run in runs.Where(r => !shown.Contains(r.Run.Id)))
        {
            yield return (run, 0);
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
