using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Queries;

/// <summary>A filter as SQL: a boolean expression over the <c>runs</c> row aliased <c>r</c>, with every
/// literal and key a parameter (<c>$f0</c>, <c>$f1</c>…) — no value of the user's is ever spliced into
/// the text. It may call <c>regexp(pattern, text)</c>, which the index registers on its read connections.</summary>
public sealed record CompiledFilter(string Sql, IReadOnlyList<KeyValuePair<string, object>> Parameters)
{
    public static readonly CompiledFilter All = new("1", []);

    public void Bind(SqliteCommand command)
    {
        foreach (var (name, value) in Parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }
}
