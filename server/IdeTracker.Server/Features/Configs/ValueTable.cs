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

    /// <summary>Rows above the file's value: a hover shows the top of its card first, so the file's own row sits
    /// third, in sight without scrolling, and the rest of the window follows it.</summary>
    public const int RowsAbove = 2;
    public const string BestMark = "★";
    public const string CurrentMark = "◀ this file";

    /// <param name="current">The result for the file's value, null when it was never tried.</param>
    /// <param name="currentText">The file's value as written; null when the card is not about a value.</param>
    public static string Markdown(KeyResults results, ValueResult? current, string? currentText)
    {
        var rows = new Rows(results, current, currentText);
        var shown = Shown(rows.Count, rows.CurrentIndex >= 0 ? rows.CurrentIndex : Math.Max(rows.BestIndex, 0), rows.BestIndex);

        var md = new StringBuilder();
        md.Append(results.Metric is { } metric
            ? $"| value | runs | best {MarkdownText.Escape(metric.Key)} |\n|:--|--:|--:|\n"
            : "| value | runs |\n|:--|--:|\n");
        foreach (var index in shown)
        {
            var (text, result, isCurrent) = rows[index];
            var value = MarkdownText.Escape(ValueLabels.Show(text));
            value = isCurrent ? $"**{value}** {CurrentMark}" : value;
            var runs = result is null ? "0" : RunCount(result);
            md.Append("| ").Append(value).Append(" | ").Append(runs).Append(" |");
            if (results.Metric is not null)
            {
                var bestCell = result?.Best is { } b ? Labels.Metric(b) : "—";
                md.Append(' ').Append(index == rows.BestIndex ? $"**{bestCell}** {BestMark}" : bestCell).Append(" |");
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

    /// <summary>Row indexes to show, in order: a window of <see cref="MaxRows"/> starting <see cref="RowsAbove"/> rows
    /// above <paramref name="center"/>, plus <paramref name="always"/> when it falls outside.</summary>
    public static IReadOnlyList<int> Shown(int count, int center, int always)
    {
        var start = Math.Clamp(center - RowsAbove, 0, Math.Max(0, count - MaxRows));
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

    /// <summary>The tried values with, for a value never tried, its own row where it sorts; indexed without
    /// copying, as a key can have a hundred thousand values and the table shows a dozen.</summary>
    private sealed class Rows
    {
        private readonly IReadOnlyList<ValueResult> _values;
        private readonly ValueResult? _current;
        private readonly string? _currentText;
        private readonly int _newRow;

        public Rows(KeyResults results, ValueResult? current, string? currentText)
        {
            _values = results.Values;
            _current = current;
            _currentText = currentText;
            _newRow = current is null && currentText is not null ? InsertionIndex(_values, currentText) : -1;
            var currentIndex = current is null ? -1 : IndexOf(current);
            CurrentIndex = _newRow >= 0 ? _newRow : currentIndex;
            var best = BestValue.Of(results);
            BestIndex = best is null ? -1 : Shift(IndexOf(best));
        }

        public int Count => _values.Count + (_newRow >= 0 ? 1 : 0);

        public int CurrentIndex { get; }

        public int BestIndex { get; }

        public (string Text, ValueResult? Result, bool IsCurrent) this[int index]
        {
            get
            {
                if (index == _newRow)
                {
                    return (_currentText!, null, true);
                }

                var value = _values[_newRow >= 0 && index > _newRow ? index - 1 : index];
                return ReferenceEquals(value, _current) ? (_currentText ?? value.Text, value, true) : (value.Text, value, false);
            }
        }

        private int Shift(int valueIndex) => _newRow >= 0 && valueIndex >= _newRow ? valueIndex + 1 : valueIndex;

        private int IndexOf(ValueResult value)
        {
            for (var i = 0; i < _values.Count; i++)
            {
                if (ReferenceEquals(_values[i], value))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
