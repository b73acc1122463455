using IdeTracker.Core.Model;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>The first 100 bytes of an SQLite file, checked before SQLite sees it so an empty or foreign
/// file gets a plain problem instead of an SQLite error, and so a WAL database is opened the right way.</summary>
internal static class SqliteFileHeader
{
    private const int HeaderBytes = 100;

    /// <summary>The file's journal mode, or null with a problem when it is not an SQLite database.</summary>
    public static SqliteJournalMode? Inspect(string path, long size, List<Problem> problems)
    {
        if (size == 0)
        {
            problems.Add(new Problem(path, 0, "is empty; not an MLflow database"));
            return null;
        }

        Span<byte> header = stackalloc byte[HeaderBytes];
        int read;
        using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            read = RandomAccess.Read(handle, header, 0);
        }

        if (read < HeaderBytes || !header.StartsWith("SQLite format 3\0"u8))
        {
            problems.Add(new Problem(path, 0, "is not an SQLite database; not an MLflow database"));
            return null;
        }

        // Bytes 18 and 19 are the write and read format versions: 2 means WAL.
        return header[18] == 2 || header[19] == 2 ? SqliteJournalMode.WriteAheadLog : SqliteJournalMode.Rollback;
    }
}
