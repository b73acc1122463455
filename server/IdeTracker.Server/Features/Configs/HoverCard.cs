using System.Text;
using IdeTracker.Core.Configs;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Server.Features.Configs;

/// <summary>The Markdown of a hover on a config value or key. Every run name, value and key is escaped; every card
/// ends with the main metric it was judged by (<see cref="MetricNote"/>).</summary>
public static class HoverCard
{
    /// <summary>A hover on a value: how the runs that used it did, the best of them, the other values tried.</summary>
    public static string ForValue(ConfigEntry entry, KeyResults results, DateTimeOffset now)
    {
        var md = new StringBuilder();
        md.Append(Heading(entry)).Append(" = **").Append(MarkdownText.Escape(ValueLabels.Show(entry.Value))).Append("**\n\n");
        AppendMatch(md, results.Match);
        var current = results.Find(entry.Value);
        if (current is null)
        {
            md.Append("**Never tried**: no run used this value. ");
            md.Append(results.Values.Count == 0
                ? "No run recorded a value for this key."
                : $"{Labels.Count(results.Runs, "run")} tried {Labels.Count(results.Values.Count, "other value")}.");
            md.Append("\n\n");
        }
        else
        {
            AppendValue(md, results, current, now);
        }

        AppendTable(md, results, current, entry.Value);
        return Close(md, results);
    }

    /// <summary>A hover on a key: the values tried and the best of them.</summary>
    public static string ForKey(ConfigEntry entry, KeyResults results, DateTimeOffset now)
    {
        var md = new StringBuilder();
        md.Append(Heading(entry)).Append("\n\n");
        AppendMatch(md, results.Match);
        md.Append(Labels.Count(results.Runs, "run")).Append(" set it to ").Append(Labels.Count(results.Values.Count, "value")).Append(".\n\n");
        if (results.Metric is { } metric && BestValue.Of(results) is { } best)
        {
            md.Append("Best value **").Append(MarkdownText.Escape(Spelling(best, entry, results))).Append("**: ")
                .Append(MarkdownText.Escape(metric.Key)).Append(' ').Append(Labels.Metric(best.Best!.Value))
                .Append(" (").Append(Labels.Count(best.Runs, "run")).Append(")\n\n");
            AppendBestRun(md, best.BestRun, now, CompareSelection.ForKey(results));
        }
        else if (results.Metric is { } missing && results.Values.Count > 0)
        {
            md.Append("None of these runs report **").Append(MarkdownText.Escape(missing.Key)).Append("**.\n\n");
        }

        var current = entry.Value is null ? null : results.Find(entry.Value);
        AppendTable(md, results, current, entry.Value, always: true);
        return Close(md, results);
    }

    /// <summary>A key that fits several params equally well: name them and guess nothing.</summary>
    public static string ForAmbiguousKey(ConfigEntry entry, KeyResults results)
    {
        var md = new StringBuilder();
        md.Append(Heading(entry)).Append("\n\n");
        var candidates = results.Match.Candidates.Select(c => $"**{MarkdownText.Escape(c)}**");
        md.Append("This key could be any of these run params: ").Append(string.Join(", ", candidates))
            .Append(". No results are shown rather than a guess; write the key in full (as runs record it) to see them.\n\n");
        return Close(md, results);
    }

    /// <summary>The value as the card shows it: the file's spelling for the file's own value, else the runs' spelling.</summary>
    public static string Spelling(ValueResult value, ConfigEntry entry, KeyResults results) =>
        ValueLabels.Show(entry.Value is not null && ReferenceEquals(results.Find(entry.Value), value) ? entry.Value : value.Text);

    private static string Heading(ConfigEntry entry) => $"**{MarkdownText.Escape(entry.DottedPath)}**";

    private static void AppendMatch(StringBuilder md, KeyMatch match)
    {
        if (MatchLine.Markdown(match) is { } line)
        {
            md.Append(line).Append("\n\n");
        }
    }

    private static void AppendValue(StringBuilder md, KeyResults results, ValueResult current, DateTimeOffset now)
    {
        md.Append("**").Append(Labels.Count(current.Runs, "run")).Append("** used this value");
        md.Append(current.Failed > 0 ? $" ({current.Failed:N0} failed).\n\n" : ".\n\n");
        if (results.Metric is not { } metric)
        {
            AppendCompare(md, current.RunIds);
            return;
        }

        if (current.Best is not { } best)
        {
            md.Append("None of these runs report **").Append(MarkdownText.Escape(metric.Key)).Append("**.\n\n");
            AppendCompare(md, current.RunIds);
            return;
        }

        md.Append(MarkdownText.Escape(metric.Key)).Append(": best **").Append(Labels.Metric(best)).Append("**");
        if (current.Mean is { } mean)
        {
            md.Append(" · mean ").Append(Labels.Metric(mean));
        }

        md.Append("\n\n");
        AppendBestRun(md, current.BestRun, now, CompareSelection.Cap(current.RunIds));
    }

    private static void AppendBestRun(StringBuilder md, RunBrief? run, DateTimeOffset now, IReadOnlyList<string> compare)
    {
        if (run is null)
        {
            AppendCompare(md, compare);
            return;
        }

        md.Append("Best run **").Append(MarkdownText.Escape(ValueLabels.Show(run.Name))).Append("**");
        if (run.Experiment is { Length: > 0 } experiment)
        {
            md.Append(" in ").Append(MarkdownText.Escape(ValueLabels.Show(experiment)));
        }

        if (RunWhen.Ago(run, now) is { } ago)
        {
            md.Append(", ").Append(ago);
        }

        if (run.Status == "failed")
        {
            md.Append(" (failed)");
        }

        md.Append(" · ").Append(CommandLinks.Reveal(run.Id));
        if (compare.Count > 1)
        {
            md.Append(" · ").Append(CommandLinks.Compare(compare));
        }

        md.Append("\n\n");
    }

    private static void AppendCompare(StringBuilder md, IReadOnlyList<string> runIds)
    {
        if (runIds.Count > 1)
        {
            md.Append(CommandLinks.Compare(CompareSelection.Cap(runIds))).Append("\n\n");
        }
    }

    /// <summary>The table of values and the glimpse. On a value card only when other values were tried.</summary>
    private static void AppendTable(StringBuilder md, KeyResults results, ValueResult? current, string? currentText, bool always = false)
    {
        var others = results.Values.Count - (current is null ? 0 : 1);
        if (results.Values.Count == 0 || (!always && others == 0))
        {
            return;
        }

        md.Append(ValueTable.Markdown(results, current, currentText)).Append('\n');
        if (ValueGlimpse.Markdown(results) is { } glimpse)
        {
            md.Append(glimpse).Append("\n\n");
        }
    }

    private static string Close(StringBuilder md, KeyResults results)
    {
        md.Append("---\n\n").Append(MetricNote.Markdown(results.Metric));
        return md.ToString();
    }
}
