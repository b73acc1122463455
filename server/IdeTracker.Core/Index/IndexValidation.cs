using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Index;

/// <summary>Decides whether an existing index file can be trusted. Anything unexpected means rebuild:
/// the index is only a cache of the workspace.</summary>
internal static class IndexValidation
{
    private const int HeaderLength = 100;

    private const int SqliteError = 1;
    private const int SqliteCorrupt = 11;
    private const int SqliteFormat = 24;
    private const int SqliteNotADatabase = 26;

    private static readonly byte[] Magic = "SQLite format 3\0"u8.ToArray();

    /// <summary>Null when the file is missing, empty, or our index for this workspace at this schema
    /// version; otherwise why it must be rebuilt.</summary>
    public static string? ReasonToRebuild(string databasePath, string workspaceRoot)
    {
        var file = new FileInfo(databasePath);
        if (!file.Exists || file.Length == 0)
        {
            return null;
        }

        return CheckHeader(file) ?? CheckContent(databasePath, workspaceRoot);
    }

    private static string? CheckHeader(FileInfo file)
    {
        var header = new byte[HeaderLength];
        int read;
        using (var stream = file.OpenRead())
        {
            read = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        }

        if (read < HeaderLength || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return "it is not an SQLite database";
        }

        int pageSize = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(16));
        if (pageSize == 1)
        {
            pageSize = 65536;
        }

        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        {
            return "its header is damaged";
        }

        // The page count in the header is meaningful only when its "valid-for" number matches the change
        // counter. With a write-ahead log present the file may legitimately lag behind, so only a file
        // without one is held to it.
        var changeCounter = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(24));
        var pageCount = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(28));
        var validFor = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(92));
        var walLength = new FileInfo(file.FullName + "-wal") is { Exists: true } wal ? wal.Length : 0;
        if (walLength == 0 && validFor == changeCounter && (long)pageCount * pageSize > file.Length)
        {
            return "it is truncated";
        }

        return null;
    }

    private static string? CheckContent(string databasePath, string workspaceRoot)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        };
        try
        {
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            var applicationId = IndexSchema.ReadInt(connection, "PRAGMA application_id");
            var version = IndexSchema.ReadInt(connection, "PRAGMA user_version");
            var tables = ReadTables(connection);
            if (applicationId == 0 && version == 0 && tables.Count == 0)
            {
                return null;
            }

            if (applicationId != IndexSchema.ApplicationId)
            {
                return $"it belongs to another application (application_id {applicationId})";
            }

            if (version != IndexStore.SchemaVersion)
            {
                return $"its schema version is {version}, this version uses {IndexStore.SchemaVersion}";
            }

            var missing = IndexSchema.RequiredTables.FirstOrDefault(t => !tables.Contains(t));
            if (missing is not null)
            {
                return $"its table {missing} is missing";
            }

            var root = ReadWorkspaceRoot(connection);
            if (!string.Equals(root, workspaceRoot, StringComparison.Ordinal))
            {
                return $"it was built for another workspace ({root ?? "unknown"})";
            }

            return null;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteError or SqliteCorrupt or SqliteFormat or SqliteNotADatabase)
        {
            // Only damage is a reason to delete: a busy or unreadable file (another process, permissions)
            // may be perfectly good, so those errors propagate.
            return $"it cannot be read ({e.Message})";
        }
    }

    private static HashSet<string> ReadTables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var reader = command.ExecuteReader();
        var tables = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static string? ReadWorkspaceRoot(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", IndexSchema.WorkspaceRootKey);
        return command.ExecuteScalar() as string;
    }
}
