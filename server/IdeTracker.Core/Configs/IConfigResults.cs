namespace IdeTracker.Core.Configs;

/// <summary>Past results for the keys of a config file, read from the index. Implementations are safe to call from
/// concurrent reads and answer from a cache while the index has not changed.</summary>
public interface IConfigResults
{
    /// <summary>The match of the entry's key and the values runs set it to. For a key that matches nothing the
    /// result has <see cref="KeyMatchKind.NotFound"/> and no values.</summary>
    KeyResults ForEntry(ConfigEntry entry);

    /// <summary>The runs the whole document stands for (see <see cref="FileResults"/>).</summary>
    FileResults ForDocument(ConfigDocument document);
}
