using System.Globalization;

namespace IdeTracker.Bench.Generation;

/// <summary>Formats a double as Python's <c>str(float)</c> does, which is how MLflow and Lightning write
/// values: shortest round-trip digits, lower-case exponent, and ".0" on whole numbers. .NET switches to
/// exponent notation at the same small magnitudes as Python (below 1e-4); large magnitudes differ, but the
/// generators never produce values near 1e15.</summary>
internal static class PythonFloat
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E'))
        {
            return text.Replace('E', 'e');
        }

        return text.Contains('.') ? text : text + ".0";
    }

    /// <summary>Lightning logs float32 tensors, which reach the CSV widened to double.</summary>
    public static string FormatSingle(double value) => Format((float)value);
}
