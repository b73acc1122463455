using System.Globalization;
using System.Text;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>Reads a DVCLive metric file, dvclive/plots/metrics/&lt;name&gt;.tsv: a header naming the columns
/// ("timestamp step name", or "step name" when DVCLive was told not to keep times), then one tab-separated row
/// per logged value, appended as training goes. Reading continues a <see cref="TsvState"/>, so a file that
/// grew is read from where the last read stopped. A last line without its newline is still being written and
/// is left for the next read.</summary>
internal static class MetricsTsv
{
    public const long MaxBytes = 256L * 1024 * 1024;
    public const int MaxLineBytes = 64 * 1024;
    public const int ProblemLimit = 100;
    private const int HeadBytes = 256;
    private const int MaxColumns = 8;
    private const int LinesBetweenCancellationChecks = 4096;

    /// <summary>Parses the stream, which is positioned at <see cref="TsvState.Offset"/> of the file, into the
    /// state; the problems point at <paramref name="path"/>.</summary>
    public static void Continue(Stream stream, TsvState state, string path, CancellationToken ct)
    {
        using var lines = new BoundedLineReader(stream, MaxLineBytes);
        var start = state.Offset;
        var firstLine = state.LineNumber;
        while (lines.TryReadBytes(out var bytes, out var tooLong))
        {
            var lineNumber = firstLine + lines.LineNumber;
            if (lines.LineNumber % LinesBetweenCancellationChecks == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            if (tooLong)
            {
                Add(state, path, lineNumber, $"line longer than {ByteSizeText.OfLimit(MaxLineBytes)}; skipped");
            }
            else if (!state.HeaderRead)
            {
                ReadHeader(state, path, lineNumber, bytes);
            }
            else if (!bytes.IsEmpty)
            {
                ReadRow(state, path, lineNumber, bytes);
            }

            state.Offset = start + lines.Consumed;
            state.LineNumber = lineNumber;
        }
    }

    /// <summary>Adds a problem unless the file already has <see cref="ProblemLimit"/>; the count goes on.</summary>
    public static void Add(TsvState state, string path, int line, string message, ProblemSeverity severity = ProblemSeverity.Warning)
    {
        if (state.ProblemCount++ < ProblemLimit)
        {
            state.Problems.Add(new Problem(path, line, message, severity));
        }
    }

    /// <summary>The state's problems, with one line counting those left out.</summary>
    public static IEnumerable<Problem> ProblemsOf(TsvState state, string path)
    {
        foreach (var problem in state.Problems)
        {
            yield return problem;
        }

        if (state.ProblemCount > ProblemLimit)
        {
            yield return new Problem(path, 0, $"{state.ProblemCount - ProblemLimit} more problems in this file are not listed", ProblemSeverity.Warning);
        }
    }

    private static void ReadHeader(TsvState state, string path, int lineNumber, ReadOnlySpan<byte> bytes)
    {
        state.HeaderRead = true;
        state.Head = bytes[..Math.Min(bytes.Length, HeadBytes)].ToArray();
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var names = Encoding.UTF8.GetString(bytes).Split('\t');
        state.ColumnCount = names.Length;
        for (var i = 0; i < names.Length; i++)
        {
            switch (names[i].Trim().Trim('"'))
            {
                case "step" when state.StepColumn < 0:
                    state.StepColumn = i;
                    break;
                case "timestamp" when state.TimestampColumn < 0:
                    state.TimestampColumn = i;
                    break;
                default:
                    state.ValueColumn = i;
                    break;
            }
        }

        if (state.ValueColumn < 0 || names.Length > MaxColumns || LooksNumeric(names[0]))
        {
            state.ValueColumn = -1;
            Add(state, path, lineNumber, "the first line is not a DVCLive header (\"[timestamp<TAB>]step<TAB>name\"); the file is not read", ProblemSeverity.Error);
        }
    }

    private static void ReadRow(TsvState state, string path, int lineNumber, ReadOnlySpan<byte> bytes)
    {
        if (state.ValueColumn < 0)
        {
            return;
        }

        Span<Range> cells = stackalloc Range[MaxColumns + 1];
        var count = SplitTabs(bytes, cells);
        if (count != state.ColumnCount)
        {
            if (IsHeaderAgain(state, bytes))
            {
                // DVCLive started the file again (a run resumed without its old rows, or two writers).
                Add(state, path, lineNumber, "the header repeats here; reading on with the same columns", ProblemSeverity.Information);
                return;
            }

            Add(state, path, lineNumber, $"has {(count > state.ColumnCount ? "more than " + state.ColumnCount : count)} tab-separated fields, the header names {state.ColumnCount}; skipped");
            return;
        }

        var valueText = bytes[cells[state.ValueColumn]];
        if (!TryNumber(valueText, out var value))
        {
            if (IsHeaderAgain(state, bytes))
            {
                Add(state, path, lineNumber, "the header repeats here; reading on with the same columns", ProblemSeverity.Information);
                return;
            }

            Add(state, path, lineNumber, $"value '{Shown(valueText)}' is not a number; skipped");
            return;
        }

        long step = state.Points.Count;
        if (state.StepColumn >= 0 && !TryWhole(bytes[cells[state.StepColumn]], out step))
        {
            Add(state, path, lineNumber, $"step '{Shown(bytes[cells[state.StepColumn]])}' is not a whole number; skipped");
            return;
        }

        long timestamp = 0;
        if (state.TimestampColumn >= 0 && !TryWhole(bytes[cells[state.TimestampColumn]], out timestamp))
        {
            Add(state, path, lineNumber, $"timestamp '{Shown(bytes[cells[state.TimestampColumn]])}' is not a whole number of milliseconds; skipped");
            return;
        }

        state.Points.Add(new MetricPoint(step, timestamp, value));
    }

    /// <summary>Fills ranges of the tab-separated fields; returns their count, one more than
    /// <paramref name="cells"/> holds when there are too many.</summary>
    private static int SplitTabs(ReadOnlySpan<byte> bytes, Span<Range> cells)
    {
        var count = 0;
        var start = 0;
        while (true)
        {
            var tab = bytes[start..].IndexOf((byte)'\t');
            var end = tab < 0 ? bytes.Length : start + tab;
            if (count == cells.Length)
            {
                return count + 1;
            }

            cells[count++] = new Range(start, end);
            if (tab < 0)
            {
                return count;
            }

            start = end + 1;
        }
    }

    private static bool IsHeaderAgain(TsvState state, ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> header = state.Head;
        if (header.StartsWith("\uFEFF"u8))
        {
            header = header[3..];
        }

        return !header.IsEmpty && bytes.SequenceEqual(header);
    }

    private static bool TryNumber(ReadOnlySpan<byte> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        || CsvFields.TryParseValue(Encoding.UTF8.GetString(text), out value);

    private static bool TryWhole(ReadOnlySpan<byte> text, out long number) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out number)
        || CsvFields.TryParseStep(Encoding.UTF8.GetString(text), out number);

    private static bool LooksNumeric(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Shown(ReadOnlySpan<byte> text)
    {
        const int MaxShown = 40;
        var shown = Encoding.UTF8.GetString(text.Length > MaxShown ? text[..MaxShown] : text);
        return text.Length > MaxShown ? shown + "…" : shown;
    }
}
