namespace IdeTracker.Core.Queries;

/// <summary>A sort led by one param's number or one metric's last value, which a (key, value) index holds in
/// order: the joined <see cref="Table"/> under the sort's <see cref="Alias"/>, its <see cref="Column"/> (the
/// key is <c>$s0</c>), and whether the order is descending. Runs with a value come first either way, so the
/// first N runs of the sort all have a value at or beyond the N-th value the index holds.</summary>
public sealed record SortSeek(string Table, string Alias, string Column, bool Descending)
{
    public string Value => $"{Alias}.{Column}";
}
