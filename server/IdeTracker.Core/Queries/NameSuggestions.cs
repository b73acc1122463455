namespace IdeTracker.Core.Queries;

/// <summary>"Did you mean": the known names closest to an unknown one. Case is ignored; a name within
/// a third of its length in edits (at least 2), or one that contains it or is contained in it, counts.</summary>
public static class NameSuggestions
{
    public const int Max = 5;

    public static IReadOnlyList<string> For(string unknown, IEnumerable<string> known)
    {
        var wanted = unknown.ToLowerInvariant();
        var limit = Math.Max(2, wanted.Length / 3);
        return known
            .Select(name => (Name: name, Lower: name.ToLowerInvariant()))
            .Select(k => (k.Name, Distance: Distance(wanted, k.Lower), Contains: wanted.Length >= 2 && (k.Lower.Contains(wanted) || wanted.Contains(k.Lower))))
            .Where(k => k.Distance <= limit || k.Contains)
            .OrderBy(k => k.Distance)
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .Take(Max)
            .Select(k => k.Name)
            .ToList();
    }

    /// <summary>Levenshtein distance, two rows.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
