using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IdeTracker.Core.Index;

/// <summary>One SQL statement prepared once on the write connection and re-bound for every row. Bulk
/// writes go through SQLite's own API because the ADO.NET command path costs several microseconds per
/// execution, which at hundreds of thousands of rows per scan is most of the time.</summary>
internal sealed class BoundStatement : IDisposable
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;

    public BoundStatement(SqliteConnection connection, string sql)
    {
        database = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(database, sql, out statement));
    }

    public BoundStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(statement, index, value));
        return this;
    }

    public BoundStatement Bind(int index, long? value) => value is long v ? Bind(index, v) : BindNull(index);

    /// <summary>NaN is bound as NULL (SQLite would store NULL anyway): a NULL metric value reads back as NaN.</summary>
    public BoundStatement Bind(int index, double value)
    {
        Check(double.IsNaN(value) ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_double(statement, index, value));
        return this;
    }

    public BoundStatement Bind(int index, double? value) => value is double v ? Bind(index, v) : BindNull(index);

    public BoundStatement Bind(int index, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text16(statement, index, value.AsSpan()));
        return this;
    }

    public BoundStatement Bind(int index, ReadOnlySpan<byte> value)
    {
        Check(raw.sqlite3_bind_blob(statement, index, value));
        return this;
    }

    public BoundStatement BindNull(int index)
    {
        Check(raw.sqlite3_bind_null(statement, index));
        return this;
    }

    /// <summary>Runs the statement to completion.</summary>
    public void Execute()
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
            }

            Done(rc);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>The first column of the first row as an integer, null when there is no row.</summary>
    public long? ScalarInt64()
    {
        try
        {
            var rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_ROW)
            {
                var value = raw.sqlite3_column_int64(statement, 0);
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                }

                Done(rc);
                return value;
            }

            Done(rc);
            return null;
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>The first column of every row as text.</summary>
    public void ReadStrings(ICollection<string> into)
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                into.Add(raw.sqlite3_column_text(statement, 0).utf8_to_string());
            }

            Done(rc);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    public void Dispose() => statement.Dispose();

    private void Done(int rc)
    {
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, database);
        }
    }
}
