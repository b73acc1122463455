using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Queries;

/// <summary>A sort as SQL: <see cref="Join"/> (empty, or a LEFT JOIN the order needs) goes after
/// <c>FROM runs r</c>, <see cref="OrderBy"/> after ORDER BY; its parameters are <c>$s0</c>…</summary>
public sealed record CompiledSort(string Join, string OrderBy, IReadOnlyList<KeyValuePair<string, object>> Parameters)
{
    /// <summary>Newest first (SQLite puts NULL last in a descending order, so runs without a start time come
    /// last), then by name and id so pages are stable.</summary>
    public const string Tiebreak = "r.start_ms DESC, r.name, r.id";

    /// <summary>Ties of a param or metric sort: newest first, then the integer row key, which is unique. Sorting a
    /// hundred thousand runs by a key costs half as much without the name and id text in every sorted record.</summary>
    public const string KeyTiebreak = "r.start_ms DESC, r.run";

    public static readonly CompiledSort Newest = new("", Tiebreak, []);

    public void Bind(SqliteCommand command)
    {
        foreach (var (name, value) in Parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }
}
