using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Index;

/// <summary>The tables of the index. A unit's file stamps are kept as a fingerprint, a count and the newest write
/// time on its row; <c>files</c> lists only the files a unit read from outside its own folder (a DVC project's
/// git refs), which a change event for such a file could not lead back to by path. Runs have an integer key (<c>runs.run</c>) that the per-run tables
/// use, which keeps their rows and indexes small; the stable text id is unique beside it.
/// <c>runs.top</c> is 1 for a run the tree shows at the top of its experiment: one without a parent or
/// whose parent the index does not hold. The writer keeps it true as parents come and go, so a page of
/// a huge experiment is read straight off the <c>runs_tree</c> index in start order.</summary>
internal static class IndexSchema
{
    /// <summary>"IDTR": tells our index apart from any other SQLite file.</summary>
    public const int ApplicationId = 0x49445452;

    public const string WorkspaceRootKey = "workspace_root";

    /// <summary>The unit of the rows the annotation mirror owns: ghost runs (annotated runs whose files are gone,
    /// kept from their snapshot) and the problems of annotation files. No row of <c>units</c> has it, so a unit's
    /// rewrite or removal never touches them, and discovery's problems (unit NULL) are another set.</summary>
    public const long AnnotationUnit = -1;

    public static readonly string[] RequiredTables =
        ["meta", "units", "files", "runs", "params", "metric_summaries", "metric_series", "tags", "problems",
         "packages", "environment", "media", "data_inputs", "annotations", "annotation_tags"];

    private const string Ddl = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE units(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, format TEXT NOT NULL, store_path TEXT NOT NULL,
            fingerprint INTEGER NOT NULL, file_count INTEGER NOT NULL, max_mtime INTEGER NOT NULL, read_ticks INTEGER NOT NULL);
        CREATE TABLE files(unit INTEGER NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL, mtime INTEGER NOT NULL);
        CREATE INDEX files_unit ON files(unit);
        CREATE INDEX files_path ON files(path);
        CREATE TABLE runs(
            run INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            unit INTEGER NOT NULL,
            source TEXT NOT NULL,
            store_key TEXT NOT NULL,
            store_path TEXT NOT NULL,
            experiment_id TEXT,
            experiment TEXT,
            name TEXT NOT NULL,
            native_id TEXT NOT NULL,
            parent_id TEXT,
            status TEXT NOT NULL,
            start_ms INTEGER,
            end_ms INTEGER,
            user_name TEXT,
            host TEXT,
            command TEXT,
            git_commit TEXT,
            git_dirty INTEGER,
            note TEXT,
            label TEXT,
            directory TEXT NOT NULL,
            metrics_file TEXT,
            top INTEGER NOT NULL);
        CREATE INDEX runs_unit ON runs(unit);
        CREATE INDEX runs_tree ON runs(store_key, experiment, top, start_ms);
        CREATE INDEX runs_parent ON runs(parent_id, start_ms);
        CREATE INDEX runs_status ON runs(status);
        CREATE TABLE params(run INTEGER NOT NULL, key TEXT NOT NULL, text TEXT NOT NULL, num REAL,
            PRIMARY KEY(run, key)) WITHOUT ROWID;
        CREATE TABLE metric_summaries(run INTEGER NOT NULL, key TEXT NOT NULL,
            first REAL, last REAL, min REAL, max REAL,
            count INTEGER NOT NULL, last_step INTEGER NOT NULL, last_ts INTEGER NOT NULL,
            PRIMARY KEY(run, key)) WITHOUT ROWID;
        CREATE TABLE metric_series(run INTEGER NOT NULL, key TEXT NOT NULL, blob BLOB NOT NULL);
        CREATE UNIQUE INDEX metric_series_run_key ON metric_series(run, key);
        CREATE TABLE tags(run INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY(run, key)) WITHOUT ROWID;
        CREATE TABLE problems(unit INTEGER, path TEXT NOT NULL, line INTEGER NOT NULL, message TEXT NOT NULL,
            severity TEXT NOT NULL);
        CREATE TABLE packages(run INTEGER NOT NULL, name TEXT NOT NULL, version TEXT NOT NULL,
            PRIMARY KEY(run, name)) WITHOUT ROWID;
        CREATE TABLE environment(run INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY(run, key)) WITHOUT ROWID;
        CREATE TABLE media(run INTEGER NOT NULL, tag TEXT NOT NULL, kind TEXT NOT NULL, count INTEGER NOT NULL,
            last_step INTEGER NOT NULL, PRIMARY KEY(run, tag)) WITHOUT ROWID;
        CREATE TABLE data_inputs(run INTEGER NOT NULL, path TEXT NOT NULL, digest TEXT, size INTEGER, files INTEGER);
        CREATE INDEX data_inputs_run ON data_inputs(run);
        CREATE INDEX problems_unit ON problems(unit);
        CREATE TABLE annotations(run_id TEXT PRIMARY KEY, starred INTEGER NOT NULL, note TEXT, file TEXT NOT NULL,
            snapshot TEXT) WITHOUT ROWID;
        CREATE TABLE annotation_tags(run_id TEXT NOT NULL, tag TEXT NOT NULL, PRIMARY KEY(run_id, tag)) WITHOUT ROWID;
        CREATE INDEX annotation_tags_tag ON annotation_tags(tag);
        """;

    /// <summary>Indexes the filters and hovers use to find runs by a param or metric value. Inserting into
    /// them is random-access and costs a third of a cold scan, so a large load drops them and builds them
    /// afterwards in one sorted pass (<see cref="DropValueIndexes"/>, <see cref="CreateValueIndexes"/>).</summary>
    private static readonly string[] ValueIndexes =
    [
        "params_key_num ON params(key, num)",
        // NOCASE, as filters compare text params: "optimizer = adam" reads the adam runs, not every optimizer.
        "params_key_text ON params(key, text COLLATE NOCASE)",
        "metric_summaries_key_last ON metric_summaries(key, last)",
        // Every run's best value of the main metric, read off one key's range without a lookup per run
        // (config results: a key that 100,000 runs record is judged against all of them).
        "metric_summaries_key_best ON metric_summaries(key, max, min)",
    ];

    /// <summary>Sets the connection up for fast, safe-enough writing: the index is a cache, so a power cut
    /// may lose the last transactions (synchronous=NORMAL) but never corrupts the file (WAL). Pages of
    /// 16 KiB suit rows that are mostly metric series blobs (page size only applies to a new file).</summary>
    public static void ConfigureWriter(SqliteConnection connection)
    {
        Execute(connection, """
            PRAGMA page_size=16384;
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=NORMAL;
            PRAGMA temp_store=MEMORY;
            PRAGMA cache_size=-32768;
            """);
    }

    /// <summary>Creates the tables in an empty database. Another process may be doing the same, so the
    /// check and the creation happen in one immediate transaction.</summary>
    public static void CreateIfEmpty(SqliteConnection connection, string workspaceRoot)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        if (ReadInt(connection, "PRAGMA user_version", transaction) != 0)
        {
            return;
        }

        Execute(connection, Ddl, transaction);
        CreateValueIndexes(connection, transaction);
        Execute(connection, $"PRAGMA application_id={ApplicationId}; PRAGMA user_version={IndexStore.SchemaVersion};", transaction);
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO meta(key, value) VALUES($key, $value)";
            insert.Parameters.AddWithValue("$key", WorkspaceRootKey);
            insert.Parameters.AddWithValue("$value", workspaceRoot);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Creates the value indexes that are missing: at the end of a large load, and at every open
    /// in case a load was interrupted.</summary>
    public static void CreateValueIndexes(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        foreach (var index in ValueIndexes)
        {
            Execute(connection, "CREATE INDEX IF NOT EXISTS " + index, transaction);
        }
    }

    public static void DropValueIndexes(SqliteConnection connection)
    {
        foreach (var index in ValueIndexes)
        {
            Execute(connection, "DROP INDEX IF EXISTS " + index[..index.IndexOf(' ')]);
        }
    }

    public static long ReadInt(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
