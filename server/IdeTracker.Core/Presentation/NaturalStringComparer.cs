namespace IdeTracker.Core.Presentation;

/// <summary>Orders names as a person expects: runs of digits by their value, so <c>layer2</c> comes
/// before <c>layer10</c>; otherwise ordinal, case-insensitive first, then case-sensitive to break ties.</summary>
public sealed class NaturalStringComparer : IComparer<string>
{
    public static readonly NaturalStringComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var byNumber = CompareDigits(x, ref i, y, ref j);
                if (byNumber != 0)
                {
                    return byNumber;
                }

                continue;
            }

            var byChar = char.ToLowerInvariant(x[i]).CompareTo(char.ToLowerInvariant(y[j]));
            if (byChar != 0)
            {
                return byChar;
            }

            i++;
            j++;
        }

        var byLength = (x.Length - i).CompareTo(y.Length - j);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }

    /// <summary>Compares the digit runs at <paramref name="i"/> and <paramref name="j"/> by value (leading
    /// zeros ignored, so any length works) and moves both past them.</summary>
    private static int CompareDigits(string x, ref int i, string y, ref int j)
    {
        var xStart = SkipZeros(x, i);
        var yStart = SkipZeros(y, j);
        var xEnd = DigitsEnd(x, xStart);
        var yEnd = DigitsEnd(y, yStart);
        var byLength = (xEnd - xStart).CompareTo(yEnd - yStart);
        var result = byLength != 0
            ? byLength
            : string.CompareOrdinal(x, xStart, y, yStart, xEnd - xStart);
        i = xEnd;
        j = yEnd;
        return result;
    }

    private static int SkipZeros(string s, int at)
    {
        while (at < s.Length - 1 && s[at] == '0' && char.IsAsciiDigit(s[at + 1]))
        {
            at++;
        }

        return at;
    }

    private static int DigitsEnd(string s, int at)
    {
        while (at < s.Length && char.IsAsciiDigit(s[at]))
        {
            at++;
        }

        return at;
    }
}
