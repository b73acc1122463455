using System.Text;
using IdeTracker.Core.Model;
using Microsoft.Data.Sqlite;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>Opens an SQLite file without creating or changing any file beside it.</summary>
internal static class ReadOnlyDatabase
{
    /// <summary>A read-only connection. A plain read-only open of a WAL database whose -wal and -shm files
    /// are absent (nobody has it open) creates both and leaves them behind, so such a database is opened
    /// as immutable instead: nothing is created and the main file holds every committed change. With a
    /// live -wal and -shm (a writer has it open) the ordinary read-only open reads the log as any reader does.</summary>
    public static SqliteConnection Open(string path, SqliteJournalMode mode, int timeoutSeconds, List<Problem> problems)
    {
        var immutable = false;
        if (mode == SqliteJournalMode.WriteAheadLog)
        {
            var hasLog = File.Exists(path + "-wal");
            var hasSharedMemory = File.Exists(path + "-shm");
            immutable = !(hasLog && hasSharedMemory);
            if (hasLog && !hasSharedMemory)
            {
                problems.Add(new Problem(path, 0,
                    "has a -wal file without its -shm file (a writer crashed?); read without the changes in the -wal file",
                    ProblemSeverity.Warning));
            }
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = immutable ? ImmutableUri(path) : path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = timeoutSeconds,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>An SQLite URI filename: '?', '#', '%' and anything outside plain ASCII are percent-encoded.</summary>
    private static string ImmutableUri(string path)
    {
        var full = Path.GetFullPath(path).Replace('\\', '/');
        var uri = new StringBuilder("file:", full.Length + 20);
        if (!full.StartsWith('/'))
        {
            uri.Append('/');
        }

        foreach (var b in Encoding.UTF8.GetBytes(full))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'/' or (byte)':' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                uri.Append((char)b);
            }
            else
            {
                uri.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return uri.Append("?immutable=1").ToString();
    }
}
