namespace IdeTracker.Core.Configs;

/// <summary>What a config file's text sets, in document order. Parsing never throws: text that does not parse
/// (half-typed while editing) yields the entries before and after the damage that can still be read.</summary>
public sealed record ConfigDocument(ConfigSyntax Syntax, IReadOnlyList<ConfigEntry> Entries)
{
    /// <summary>The entry whose key or value contains the position, preferring a value over a key.</summary>
    public ConfigEntry? EntryAt(int line, int character)
    {
        ConfigEntry? keyHit = null;
        foreach (var entry in Entries)
        {
            if (entry.ValueSpan is { } value && value.Contains(line, character))
            {
                return entry;
            }

            if (keyHit is null && entry.KeySpan.Contains(line, character))
            {
                keyHit = entry;
            }
        }

        return keyHit;
    }
}
