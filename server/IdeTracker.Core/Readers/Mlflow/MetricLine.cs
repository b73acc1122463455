using System.Text;
using IdeTracker.Core.Model;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>One line of an MLflow metric file: <c>timestamp value [step [dataset_name dataset_digest]]</c>,
/// split on single spaces after trimming, as MLflow's own reader does.</summary>
internal static class MetricLine
{
    private const int MaxFields = 5;

    /// <summary>Null when the line parsed, else why it did not.</summary>
    public static string? TryParse(ReadOnlySpan<byte> line, out MetricPoint point)
    {
        point = default;
        line = line.Trim(" \t\r\n\v\f"u8);
        if (line.IsEmpty)
        {
            return "empty line";
        }

        // Checked first because .NET number parsing ignores trailing NULs, which Python does not.
        if (line.Contains((byte)0))
        {
            return "line holds NUL bytes (a damaged or preallocated file)";
        }

        Span<Range> fields = stackalloc Range[MaxFields];
        var count = Split(line, fields);
        if (count is not (2 or 3 or 5))
        {
            var found = count > MaxFields ? "more than 5" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return $"expected 2, 3 or 5 space-separated fields (timestamp value step [dataset digest]), found {found}";
        }

        if (!MetricNumbers.TryParseInteger(line[fields[0]], out var timestamp))
        {
            return $"timestamp '{Shown(line[fields[0]])}' is not an integer";
        }

        if (!MetricNumbers.TryParseValue(line[fields[1]], out var value))
        {
            return $"value '{Shown(line[fields[1]])}' is not a number";
        }

        long step = 0;
        if (count >= 3 && !MetricNumbers.TryParseInteger(line[fields[2]], out step))
        {
            return $"step '{Shown(line[fields[2]])}' is not an integer";
        }

        point = new MetricPoint(step, timestamp, value);
        return null;
    }

    /// <summary>Fills up to <see cref="MaxFields"/> ranges and returns the field count, MaxFields + 1 when
    /// there are more.</summary>
    private static int Split(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        var count = 0;
        var start = 0;
        while (true)
        {
            var space = line[start..].IndexOf((byte)' ');
            var end = space < 0 ? line.Length : start + space;
            if (count == fields.Length)
            {
                return count + 1;
            }

            fields[count++] = new Range(start, end);
            if (space < 0)
            {
                return count;
            }

            start = end + 1;
        }
    }

    private static string Shown(ReadOnlySpan<byte> field)
    {
        const int MaxShown = 40;
        var text = Encoding.UTF8.GetString(field.Length > MaxShown ? field[..MaxShown] : field);
        return field.Length > MaxShown ? text + "…" : text;
    }
}
