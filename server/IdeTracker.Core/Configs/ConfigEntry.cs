namespace IdeTracker.Core.Configs;

/// <summary>One key of a config file, where it is written and what it is set to.</summary>
/// <param name="Path">The key path as runs flatten it: mapping keys, TOML tables and dict keys as segments, list
/// items as their zero-based index ("layers", "0"). Python argparse options drop the dashes and use
/// underscores (<c>--learning-rate</c> → "learning_rate"), as argparse's <c>dest</c> does.</param>
/// <param name="KeySpan">The key as written, without quotes or dashes' surroundings (for argparse: the option string
/// inside its quotes). A list item has no key of its own: its KeySpan is its value's span.</param>
/// <param name="ValueSpan">The value as written (quotes included) for scalars and Hydra defaults; null for sections.</param>
/// <param name="Value">The value as a run would record it: quotes removed and escapes decoded for strings,
/// numbers, booleans and null as written (<c>1e-3</c>, <c>True</c>, <c>null</c>); null for sections.</param>
public sealed record ConfigEntry(
    IReadOnlyList<string> Path,
    TextSpan KeySpan,
    TextSpan? ValueSpan,
    string? Value,
    ConfigEntryKind Kind)
{
    /// <summary>The dotted key ("optimizer.lr"), the form runs' params use.</summary>
    public string DottedPath => string.Join('.', Path);
}
