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
        if (TryParsePlain(span, out value))
        {
            return true;
        }

        if (span.Length < 10 || !char.IsAsciiDigit(span[0]) || span[4] != '-' || span[7] != '-')
        {
            return false;
        }

        return DateTimeOffset.TryParse(span, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>The one shape datetime.isoformat() gives a time without a zone, "2024-02-08T23:02:17" with an
    /// optional fraction of up to 7 digits, read without the general parser: Sacred writes one per metric point.
    /// False for anything else (the general parser then decides).</summary>
    private static bool TryParsePlain(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 19 || s.Length == 20 || s.Length > 27 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || (s.Length > 19 && s[19] != '.'))
        {
            return false;
        }

        if (!TryDigits(s[..4], out var year) || !TryDigits(s[5..7], out var month) || !TryDigits(s[8..10], out var day)
            || !TryDigits(s[11..13], out var hour) || !TryDigits(s[14..16], out var minute) || !TryDigits(s[17..19], out var second))
        {
            return false;
        }

        var ticks = 0;
        if (s.Length > 20)
        {
            var fraction = s[20..];
            if (!TryDigits(fraction, out ticks))
            {
                return false;
            }

            for (var i = fraction.Length; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks));
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int number)
    {
        number = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        return true;
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
