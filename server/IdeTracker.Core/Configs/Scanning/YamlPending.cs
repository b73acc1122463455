namespace IdeTracker.Core.Configs.Scanning;

/// <summary>A key or list item with nothing after it on its line: the next line says whether it opens a collection.
/// <paramref name="SameIndentList"/>: a mapping key's list may start at the key's own column (<c>key:\n- a</c>).</summary>
internal sealed record YamlPending(string[] Path, int Indent, bool SameIndentList, bool IsHydraDefaults);
