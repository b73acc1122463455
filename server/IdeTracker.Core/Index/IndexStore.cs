using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Index;

/// <summary>The SQLite index of one workspace. One connection writes (calls are serialised); every read
/// takes its own pooled read-only connection, so reads run concurrently and, in WAL mode, never wait
/// for the writer.</summary>
public sealed partial class IndexStore : IDisposable
{
    public const int SchemaVersion = 7;

    private readonly SqliteConnection writer;
    private readonly UnitBatchWriter batchWriter;
    private readonly Lock writeLock = new();
    private readonly string readConnectionString;
    private readonly Action<string>? log;
    private bool disposed;

    /// <summary>Bumped after every write, so what is cached from the index (the filter catalog) knows when it is stale.</summary>
    private long generation;

    private IndexStore(string databasePath, string workspaceRoot, bool wasRebuilt, SqliteConnection writer, Action<string>? log)
    {
        DatabasePath = databasePath;
        WorkspaceRoot = workspaceRoot;
        WasRebuilt = wasRebuilt;
        this.writer = writer;
        this.log = log;
        readConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = true,
        }.ToString();
        batchWriter = new UnitBatchWriter(writer, workspaceRoot);
    }

    public string DatabasePath { get; }

    /// <summary>Absolute path of the workspace this index describes; store keys are relative to it.</summary>
    public string WorkspaceRoot { get; }

    /// <summary>True when an existing file could not be trusted and was replaced by an empty index.</summary>
    public bool WasRebuilt { get; }

    /// <summary>Opens the index at <paramref name="databasePath"/>, creating it if missing. A file that is
    /// not a database, is truncated, belongs to another application, has another schema version or was
    /// built for another workspace is deleted and rebuilt empty; <paramref name="log"/> says why.</summary>
    public static IndexStore Open(string databasePath, string workspaceRoot, Action<string>? log = null)
    {
        var path = Path.GetFullPath(databasePath);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workspaceRoot));
        var reason = IndexValidation.ReasonToRebuild(path, root);
        if (reason is not null)
        {
            log?.Invoke($"Rebuilding the index {path}: {reason}.");
            DeleteDatabaseFiles(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            IndexSchema.ConfigureWriter(connection);
            IndexSchema.CreateIfEmpty(connection, root);
            IndexSchema.CreateValueIndexes(connection);
            return new IndexStore(path, root, reason is not null, connection, log);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Where the command line keeps the index of <paramref name="workspaceRoot"/>:
    /// &lt;user cache&gt;/ide-tracker/&lt;16 hex of the real workspace path&gt;/index.db, the user cache
    /// being $XDG_CACHE_HOME or ~/.cache, or %LOCALAPPDATA% on Windows.</summary>
    public static string DefaultCliPath(string workspaceRoot) =>
        IndexLocation.DefaultCliPath(workspaceRoot, Environment.GetEnvironmentVariable);

    public void Dispose()
    {
        lock (writeLock)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;

            // Pooled read connections keep the file open: release them so the file can be deleted or
            // moved, and first, so the writer closes last and folds the write-ahead log into the file.
            using (var pooled = new SqliteConnection(readConnectionString))
            {
                SqliteConnection.ClearPool(pooled);
            }

            batchWriter.Dispose();
            writer.Dispose();
        }
    }

    private static void DeleteDatabaseFiles(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }

    private SqliteConnection OpenRead()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var connection = new SqliteConnection(readConnectionString);
        connection.Open();
        Queries.RegexFunction.Register(connection);

        // Sorting a filter's matches must not spill to temporary files. A filter's matches are spread over the
        // whole runs table, so each query touches most of its pages: a pooled connection's page cache of 64 MiB
        // (filled only as pages are read, kept until the next write) saves re-reading them from the OS per query.
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private T Write<T>(Func<UnitBatchWriter, T> write)
    {
        lock (writeLock)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var result = write(batchWriter);
            Interlocked.Increment(ref generation);
            return result;
        }
    }

    private void Write(Action<UnitBatchWriter> write)
    {
        lock (writeLock)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            write(batchWriter);
            Interlocked.Increment(ref generation);
        }
    }
}
