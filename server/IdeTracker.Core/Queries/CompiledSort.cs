using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Queries;

/// <summary>A sort as SQL: <see cref="Join"/> (empty, or a LEFT JOIN the order needs) goes after
/// <c>FROM runs r</c>, <see cref="OrderBy"/> after ORDER BY; its parameters are <c>$s0</c>…
/// <see cref="Seek"/> is set when the sort is led by an indexed value.</summary>
public sealed record CompiledSort(string Join, IReadOnlyList<SortKey> Keys, IReadOnlyList<KeyValuePair<string, object>> Parameters, SortSeek? Seek = null)
{
    /// <summary>Newest first (SQLite puts NULL last in a descending order, so runs without a start time come
    /// last), then by name and id so pages are stable.</summary>
    public static readonly IReadOnlyList<SortKey> TiebreakKeys = [new("r.start_ms", "DESC"), new("r.name"), new("r.id")];

    /// <summary>Ties of a param or metric sort: newest first, then the integer row key, which is unique. Sorting a
    /// hundred thousand runs by a key costs half as much without the name and id text in every sorted record.</summary>
    public static readonly IReadOnlyList<SortKey> KeyTiebreakKeys = [new("r.start_ms", "DESC"), new("r.run")];

    public static readonly string Tiebreak = Render(TiebreakKeys);

    public static readonly string KeyTiebreak = Render(KeyTiebreakKeys);

    public static readonly CompiledSort Newest = new("", TiebreakKeys, []);

    public string OrderBy => Render(Keys);

    /// <summary>The sorted values as columns <c>k0</c>, <c>k1</c>… of a select over <c>r</c> and the join.</summary>
    public string KeyColumns => string.Join(", ", Keys.Select((k, i) => $"{k.Expression} AS k{i}"));

    /// <summary>The same order over the columns <see cref="KeyColumns"/> names.</summary>
    public string OrderByKeyColumns => Render(Keys.Select((k, i) => k with { Expression = "k" + i }));

    public void Bind(SqliteCommand command)
    {
        foreach (var (name, value) in Parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    private static string Render(IEnumerable<SortKey> keys) => string.Join(", ", keys.Select(k => k.Sql));
}
