using System.Buffers.Text;
using System.Globalization;
using System.Text;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>Parses the numbers of a metric line from UTF-8 bytes the way Python's int() and float()
/// read them, so every value MLflow accepts is accepted here, "nan" and "-inf" included.</summary>
internal static class MetricNumbers
{
    /// <summary>Python's int() takes surrounding whitespace too ("5\t").</summary>
    private const NumberStyles IntegerStyle =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    /// <summary>Utf8Parser first: it is markedly faster on the plain numbers that make up nearly every
    /// line, and gives the same bits as double.Parse; anything it does not take whole goes the long way.</summary>
    public static bool TryParseInteger(ReadOnlySpan<byte> text, out long value) =>
        (Utf8Parser.TryParse(text, out value, out var used) && used == text.Length)
        || long.TryParse(text, IntegerStyle, CultureInfo.InvariantCulture, out value);

    public static bool TryParseValue(ReadOnlySpan<byte> text, out double value) =>
        (Utf8Parser.TryParse(text, out value, out var used) && used == text.Length)
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        || TryParseSpecial(text, out value);

    /// <summary>Python spells these nan, inf and infinity, in any case and with an optional sign.</summary>
    private static bool TryParseSpecial(ReadOnlySpan<byte> text, out double value)
    {
        text = text.Trim(" \t\r\n\v\f"u8);
        var negative = false;
        if (text.Length > 0 && text[0] is (byte)'+' or (byte)'-')
        {
            negative = text[0] == (byte)'-';
            text = text[1..];
        }

        if (Ascii.EqualsIgnoreCase(text, "nan"u8))
        {
            value = double.NaN;
            return true;
        }

        if (Ascii.EqualsIgnoreCase(text, "inf"u8) || Ascii.EqualsIgnoreCase(text, "infinity"u8))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        value = 0;
        return false;
    }
}
