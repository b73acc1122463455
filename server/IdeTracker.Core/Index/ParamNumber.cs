using System.Globalization;

namespace IdeTracker.Core.Index;

/// <summary>The numeric reading of a param's text, so filters like <c>lr &lt; 0.01</c> compare numbers.</summary>
internal static class ParamNumber
{
    /// <summary>The number the text spells in the invariant culture, including Python's and .NET's spellings
    /// of infinity; null for anything else and for NaN (SQLite cannot store NaN as a number).</summary>
    public static double? Parse(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return null;
        }

        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return double.IsNaN(value) ? null : value;
        }

        var negative = trimmed[0] == '-';
        var unsigned = trimmed[0] is '-' or '+' ? trimmed[1..] : trimmed;
        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase)
            || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        return null;
    }
}
