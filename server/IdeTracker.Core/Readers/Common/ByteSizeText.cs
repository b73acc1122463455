using System.Globalization;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Common;

/// <summary>Sizes in problem messages: "2.0 GB", "256 MB", "64 KB", binary units as file managers show them.</summary>
internal static class ByteSizeText
{
    public static string Of(long bytes)
    {
        const double Kilo = 1024;
        return bytes switch
        {
            >= 1L << 30 => Scaled(bytes / (Kilo * Kilo * Kilo), "GB"),
            >= 1L << 20 => Scaled(bytes / (Kilo * Kilo), "MB"),
            >= 1L << 10 => Scaled(bytes / Kilo, "KB"),
            _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
        };
    }

    /// <summary>A limit is a whole number of units, so it reads "256 MB" rather than "256.0 MB".</summary>
    public static string OfLimit(long bytes) => Of(bytes).Replace(".0 ", " ", StringComparison.Ordinal);

    private static string Scaled(double value, string unit) =>
        value.ToString("0.0", CultureInfo.InvariantCulture) + " " + unit;
}
