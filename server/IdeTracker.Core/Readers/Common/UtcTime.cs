using System.Globalization;

namespace IdeTracker.Core.Readers.Common;

/// <summary>Times written as text or as numbers since 1970, as Python tools write them.</summary>
internal static class UtcTime
{
    // Seconds since 1970 for 2000-01-01 and 2100-01-01: a number outside them is not a wall time.
    private const double EarliestSeconds = 946_684_800;
    private const double LatestSeconds = 4_102_444_800;

    /// <summary>ISO 8601 as Python's datetime.isoformat writes it ("2024-02-08T23:02:14.620335", a space instead
    /// of the T, a zone or none). A time without a zone is taken as UTC.</summary>
    public static bool TryParseIso(string? text, out DateTimeOffset value)
    {
        value = default;
        var span = text.AsSpan().Trim();
        if (span.Length < 10 || !char.IsAsciiDigit(span[0]) || span[4] != '-' || span[7] != '-')
        {
            return false;
        }

        return DateTimeOffset.TryParse(span, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>A number that is a plausible wall time (2000–2100), as seconds or milliseconds since 1970.</summary>
    public static bool TryFromEpochNumber(double number, out long milliseconds)
    {
        milliseconds = 0;
        if (number is >= EarliestSeconds and < LatestSeconds)
        {
            milliseconds = (long)Math.Round(number * 1000);
            return true;
        }

        if (number is >= EarliestSeconds * 1000 and < LatestSeconds * 1000)
        {
            milliseconds = (long)Math.Round(number);
            return true;
        }

        return false;
    }

    public static long ToMilliseconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}
