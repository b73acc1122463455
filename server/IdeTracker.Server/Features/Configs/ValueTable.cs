using System.Globalization;
using System.Text;
using IdeTracker.Core.Configs;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Server.Features.Configs;

/// <summary>The hover's table of the values runs tried: value, runs, best metric; the best value starred and the
/// file's value pointed at (a value never tried gets a row of its own where it would sort, so one sees where it
/// falls). Long lists show the rows nearest the file's value, the best row always, and say how many are left out.</summary>
public static class ValueTable
{
    public const int MaxRows = 12;
    public const string BestMark = "★";
    public const string CurrentMark = "◀ this file";

    /// <param name="current">The result for the file's value, null when it was never tried.</param>
    /// <param name="currentText">The file's value as written; null when the card is not about a value.</param>
    public static string Markdown(KeyResults results, ValueResult? current, string? currentText)
    {
        var rows = Rows(results, current, currentText);
        var best = results.BestValue;
        var bestIndex = rows.FindIndex(r => r.Result is not null && ReferenceEquals(r.Result, best));
        var currentIndex = rows.FindIndex(r => r.IsCurrent);
        var shown = Shown(rows.Count, currentIndex >= 0 ? currentIndex : Math.Max(bestIndex, 0), bestIndex);

        var md = new StringBuilder();
        md.Append(results.Metric is { } metric
            ? $"| value | runs | best {MarkdownText.Escape(metric.Key)} |\n|:--|--:|--:|\n"
            : "| value | runs |\n|:--|--:|\n");
        foreach (var index in shown)
        {
            var row = rows[index];
            var value = MarkdownText.Escape(ValueLabels.Show(row.Text));
            value = row.IsCurrent ? $"**{value}** {CurrentMark}" : value;
            var runs = row.Result is null ? "0" : RunCount(row.Result);
            md.Append("| ").Append(value).Append(" | ").Append(runs).Append(" |");
            if (results.Metric is not null)
            {
                var bestCell = row.Result?.Best is { } b ? Labels.Metric(b) : "—";
                md.Append(' ').Append(index == bestIndex ? $"**{bestCell}** {BestMark}" : bestCell).Append(" |");
            }

            md.Append('\n');
        }

        var hidden = rows.Count - shown.Count;
        if (hidden > 0)
        {
            md.Append("\n… and ").Append(Labels.Count(hidden, "more value")).Append('\n');
        }

        return md.ToString();
    }

    /// <summary>Row indexes to show, in order: a window of <see cref="MaxRows"/> around <paramref name="center"/>,
    /// plus <paramref name="always"/> when it falls outside.</summary>
    public static IReadOnlyList<int> Shown(int count, int center, int always)
    {
        var start = Math.Clamp(center - (MaxRows / 2), 0, Math.Max(0, count - MaxRows));
        var indexes = Enumerable.Range(start, Math.Min(MaxRows, count)).ToList();
        if (always >= 0 && !indexes.Contains(always))
        {
            indexes.Add(always);
            indexes.Sort();
        }

        return indexes;
    }

    private static string RunCount(ValueResult value) =>
        value.Failed > 0
            ? $"{value.Runs.ToString("N0", CultureInfo.InvariantCulture)} ({value.Failed.ToString("N0", CultureInfo.InvariantCulture)} failed)"
            : value.Runs.ToString("N0", CultureInfo.InvariantCulture);

    private static List<Row> Rows(KeyResults results, ValueResult? current, string? currentText)
    {
        var rows = results.Values
            .Select(v => ReferenceEquals(v, current) ? new Row(currentText ?? v.Text, v, true) : new Row(v.Text, v, false))
            .ToList();
        if (current is null && currentText is not null)
        {
            rows.Insert(InsertionIndex(results.Values, currentText), new Row(currentText, null, true));
        }

        return rows;
    }

    /// <summary>Where a value no run used would sort among the tried ones: numbers ascending, then text by name.</summary>
    private static int InsertionIndex(IReadOnlyList<ValueResult> values, string text)
    {
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsNaN(number))
        {
            return values.Count(v => v.Number is { } n && n < number);
        }

        return values.Count(v => v.Number is not null)
            + values.Count(v => v.Number is null && string.Compare(v.Text, text, StringComparison.OrdinalIgnoreCase) < 0);
    }

    private sealed record Row(string Text, ValueResult? Result, bool IsCurrent);
}
