using System.Globalization;
using System.Text;

namespace IdeTracker.Core.Readers.Common;

/// <summary>Splits one CSV line as Python's csv module writes it: comma-separated (or another delimiter: tab,
/// semicolon), fields that need it in double quotes with "" for a quote. Malformed quoting is read leniently
/// rather than rejected.</summary>
internal static class CsvFields
{
    public static void Split(string line, List<string> fields) => Split(line, ',', fields);

    public static void Split(string line, char delimiter, List<string> fields)
    {
        fields.Clear();
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                i = ReadQuoted(line, i + 1, delimiter, fields);
            }
            else
            {
                var separator = line.IndexOf(delimiter, i);
                if (separator < 0)
                {
                    fields.Add(line[i..]);
                    return;
                }

                fields.Add(line[i..separator]);
                i = separator + 1;
                continue;
            }

            if (i >= line.Length)
            {
                return;
            }

            // ReadQuoted stops on the delimiter after the field.
            i++;
        }
    }

    /// <summary>A metric value: a number, or nan / inf / -inf in any case (Python writes them that way).</summary>
    public static bool TryParseValue(string text, out double value)
    {
        var span = text.AsSpan().Trim();
        if (double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        var negative = span.StartsWith("-");
        var magnitude = span.TrimStart("+-");
        if (magnitude.Equals("inf", StringComparison.OrdinalIgnoreCase) || magnitude.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (magnitude.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        return false;
    }

    /// <summary>A step: an integer, or a number with no fraction ("12.0").</summary>
    public static bool TryParseStep(string text, out long step)
    {
        if (long.TryParse(text.AsSpan().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out step))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsInteger(number)
            && Math.Abs(number) < 9.2e18)
        {
            step = (long)number;
            return true;
        }

        return false;
    }

    /// <summary>Reads a quoted field starting after its opening quote; returns the index of the delimiter that
    /// ends it, or the line's length.</summary>
    private static int ReadQuoted(string line, int i, char delimiter, List<string> fields)
    {
        var field = new StringBuilder();
        while (i < line.Length)
        {
            var c = line[i];
            if (c != '"')
            {
                field.Append(c);
                i++;
            }
            else if (i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i += 2;
            }
            else
            {
                // Closing quote: anything before the next delimiter is kept as written.
                var separator = line.IndexOf(delimiter, i + 1);
                var end = separator < 0 ? line.Length : separator;
                field.Append(line, i + 1, end - i - 1);
                fields.Add(field.ToString());
                return end;
            }
        }

        fields.Add(field.ToString());
        return line.Length;
    }
}
