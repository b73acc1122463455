namespace IdeTracker.Core.Configs;

/// <summary>Keys that runs record, looked up by whole key and by trailing segments, under one spelling
/// (<see cref="KeySpelling"/>: as written, or loose).</summary>
internal sealed class KeyTable
{
    private readonly Func<string, string> spell;
    private readonly Dictionary<string, List<string>> whole = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> properSuffixes = new(StringComparer.Ordinal);

    public KeyTable(IEnumerable<string> keys, Func<string, string> spell)
    {
        this.spell = spell;
        foreach (var key in keys)
        {
            var spelled = spell(key);
            Add(whole, spelled, key);
            for (var dot = spelled.IndexOf('.'); dot >= 0; dot = spelled.IndexOf('.', dot + 1))
            {
                Add(properSuffixes, spelled[(dot + 1)..], key);
            }
        }
    }

    public string Spell(string key) => spell(key);

    /// <summary>The keys spelled as <paramref name="spelled"/>.</summary>
    public IReadOnlyList<string> Exact(string spelled) => whole.TryGetValue(spelled, out var keys) ? keys : [];

    /// <summary>The keys that are <paramref name="spelled"/> under one of <paramref name="prefixes"/>.</summary>
    public IReadOnlyList<string> Prefixed(string spelled, IEnumerable<string> prefixes) =>
        [.. prefixes.SelectMany(prefix => Exact(spell(prefix) + "." + spelled)).Distinct(StringComparer.Ordinal)];

    /// <summary>The keys sharing the most trailing segments with <paramref name="spelled"/> where one ends with the
    /// other: keys that end with all of it first (they overlap on every segment), else the longest trailing part of
    /// it that is a key.</summary>
    public IReadOnlyList<string> Suffix(string spelled)
    {
        if (properSuffixes.TryGetValue(spelled, out var longer))
        {
            return longer;
        }

        for (var dot = spelled.IndexOf('.'); dot >= 0; dot = spelled.IndexOf('.', dot + 1))
        {
            if (whole.TryGetValue(spelled[(dot + 1)..], out var shorter))
            {
                return shorter;
            }
        }

        return [];
    }

    private static void Add(Dictionary<string, List<string>> map, string spelled, string key)
    {
        if (!map.TryGetValue(spelled, out var list))
        {
            map[spelled] = list = [];
        }

        list.Add(key);
    }
}
