using Microsoft.Data.Sqlite;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>A table's columns as <c>PRAGMA table_info</c> reports them, so queries name only columns this
/// schema version has and read NULL for the others.</summary>
internal sealed class DatabaseTable
{
    private readonly HashSet<string> columns;

    private DatabaseTable(string name, HashSet<string> columns)
    {
        Name = name;
        this.columns = columns;
    }

    public string Name { get; }

    /// <summary>The table, or null when the database has no table of that name.</summary>
    public static DatabaseTable? Find(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", name);
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
            }
        }

        return columns.Count == 0 ? null : new DatabaseTable(name, columns);
    }

    public bool Has(string column) => columns.Contains(column);

    /// <summary>The column quoted for a select list, or NULL when this schema lacks it.</summary>
    public string Select(string column) => Has(column) ? "\"" + column + "\"" : "NULL";

    /// <summary>The first of <paramref name="required"/> this table lacks, or null when it has them all.</summary>
    public string? Missing(params ReadOnlySpan<string> required)
    {
        foreach (var column in required)
        {
            if (!Has(column))
            {
                return column;
            }
        }

        return null;
    }
}
