using IdeTracker.Core.Model;
using Microsoft.Data.Sqlite;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>SQLite errors as problems a person can act on.</summary>
internal static class SqliteProblems
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int Corrupt = 11;
    private const int CannotOpen = 14;
    private const int NotADatabase = 26;

    public static Problem From(string path, SqliteException e) => (e.SqliteErrorCode & 0xFF) switch
    {
        Busy or Locked => new Problem(path, 0, "locked by another process; will retry", ProblemSeverity.Warning),
        NotADatabase => new Problem(path, 0, "is not an SQLite database; not an MLflow database"),
        Corrupt => new Problem(path, 0, "is damaged: " + e.Message),
        ReadOnly => new Problem(path, 0, "cannot be read without writing to it (an interrupted write must be recovered first): " + e.Message),
        CannotOpen => new Problem(path, 0, "cannot be opened read-only: " + e.Message),
        _ => new Problem(path, 0, "cannot be read: " + e.Message),
    };
}
