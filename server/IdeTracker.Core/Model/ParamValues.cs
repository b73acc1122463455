using System.Globalization;
using IdeTracker.Core.Index;

namespace IdeTracker.Core.Model;

/// <summary>When two param values are the same value: the same text, or two spellings of one number
/// (<c>0.001</c> and <c>1e-3</c>, <c>32</c> and <c>32.0</c>), as the filters compare them.</summary>
public static class ParamValues
{
    /// <summary>Null is "the run has no such param": the same only as another null.</summary>
    public static bool Same(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return string.Equals(a, b, StringComparison.Ordinal)
            || (ParamNumber.Parse(a) is { } x && ParamNumber.Parse(b) is { } y && x.Equals(y));
    }

    /// <summary>A text equal for exactly the values <see cref="Same"/> calls equal, for hashing: "#" and a
    /// number's round-trip spelling, or "'" and any other text, so the two kinds never meet.</summary>
    public static string Canonical(string text) =>
        ParamNumber.Parse(text) is { } number ? "#" + number.ToString("R", CultureInfo.InvariantCulture) : "'" + text;
}
