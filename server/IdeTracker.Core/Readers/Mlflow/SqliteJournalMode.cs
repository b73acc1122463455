using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>How an SQLite file keeps its uncommitted changes, which decides how it can be opened read-only.</summary>
internal enum SqliteJournalMode
{
    /// <summary>Rollback journal (the default): readers take a shared lock on the file itself.</summary>
    Rollback,

    /// <summary>Write-ahead log: committed changes may still sit in the -wal file beside the database.</summary>
    WriteAheadLog,
}
