using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Mlflow;
using IdeTracker.Core.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Tests.Readers.Mlflow;

/// <summary>A generated mlflow.db. The tables and column names follow the SQLite schema MLflow's
/// migrations produce (checked against mlflow/mlflow tests/db/schemas/sqlite.sql and
/// mlflow/store/tracking/dbmodels/models.py); the statements are our own.</summary>
public sealed class MlflowDatabaseFixture : IDisposable
{
    /// <summary>The tracking tables of a current (MLflow 2.x/3.x) database.</summary>
    public const string CurrentSchema = """
        CREATE TABLE experiments (
            experiment_id INTEGER NOT NULL, name VARCHAR(256) NOT NULL, artifact_location VARCHAR(256),
            lifecycle_stage VARCHAR(32), creation_time BIGINT, last_update_time BIGINT,
            CONSTRAINT experiment_pk PRIMARY KEY (experiment_id), UNIQUE (name),
            CONSTRAINT experiments_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted')));
        CREATE TABLE experiment_tags (
            key VARCHAR(250) NOT NULL, value VARCHAR(5000), experiment_id INTEGER NOT NULL,
            CONSTRAINT experiment_tag_pk PRIMARY KEY (key, experiment_id),
            FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id));
        CREATE TABLE runs (
            run_uuid VARCHAR(32) NOT NULL, name VARCHAR(250), source_type VARCHAR(20), source_name VARCHAR(500),
            entry_point_name VARCHAR(50), user_id VARCHAR(256), status VARCHAR(9), start_time BIGINT, end_time BIGINT,
            source_version VARCHAR(50), lifecycle_stage VARCHAR(20), artifact_uri VARCHAR(200), experiment_id INTEGER,
            deleted_time BIGINT,
            CONSTRAINT run_pk PRIMARY KEY (run_uuid),
            FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id),
            CONSTRAINT runs_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted')),
            CONSTRAINT source_type CHECK (source_type IN ('NOTEBOOK', 'JOB', 'LOCAL', 'UNKNOWN', 'PROJECT')),
            CHECK (status IN ('SCHEDULED', 'FAILED', 'FINISHED', 'RUNNING', 'KILLED')));
        CREATE TABLE params (
            key VARCHAR(250) NOT NULL, value VARCHAR(8000) NOT NULL, run_uuid VARCHAR(32) NOT NULL,
            CONSTRAINT param_pk PRIMARY KEY (key, run_uuid), FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid));
        CREATE TABLE tags (
            key VARCHAR(250) NOT NULL, value VARCHAR(8000), run_uuid VARCHAR(32) NOT NULL,
            CONSTRAINT tag_pk PRIMARY KEY (key, run_uuid), FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid));
        CREATE TABLE metrics (
            key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT NOT NULL, run_uuid VARCHAR(32) NOT NULL,
            step BIGINT DEFAULT '0' NOT NULL, is_nan BOOLEAN DEFAULT '0' NOT NULL,
            CONSTRAINT metric_pk PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan),
            FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid), CHECK (is_nan IN (0, 1)));
        CREATE INDEX index_metrics_run_uuid ON metrics (run_uuid);
        CREATE TABLE latest_metrics (
            key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT, step BIGINT NOT NULL,
            is_nan BOOLEAN NOT NULL, run_uuid VARCHAR(32) NOT NULL,
            CONSTRAINT latest_metric_pk PRIMARY KEY (key, run_uuid),
            FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid), CHECK (is_nan IN (0, 1)));
        """;

    /// <summary>The first schema MLflow shipped (0.9): no step or is_nan on metrics, no times on
    /// experiments, no deleted_time, no latest_metrics.</summary>
    public const string FirstSchema = """
        CREATE TABLE experiments (
            experiment_id INTEGER NOT NULL, name VARCHAR(256) NOT NULL, artifact_location VARCHAR(256),
            lifecycle_stage VARCHAR(32), CONSTRAINT experiment_pk PRIMARY KEY (experiment_id), UNIQUE (name));
        CREATE TABLE runs (
            run_uuid VARCHAR(32) NOT NULL, name VARCHAR(250), source_type VARCHAR(20), source_name VARCHAR(500),
            entry_point_name VARCHAR(50), user_id VARCHAR(256), status VARCHAR(20), start_time BIGINT, end_time BIGINT,
            source_version VARCHAR(50), lifecycle_stage VARCHAR(20), artifact_uri VARCHAR(200), experiment_id INTEGER,
            CONSTRAINT run_pk PRIMARY KEY (run_uuid));
        CREATE TABLE params (key VARCHAR(250) NOT NULL, value VARCHAR(250) NOT NULL, run_uuid VARCHAR(32) NOT NULL,
            CONSTRAINT param_pk PRIMARY KEY (key, run_uuid));
        CREATE TABLE tags (key VARCHAR(250) NOT NULL, value VARCHAR(250), run_uuid VARCHAR(32) NOT NULL,
            CONSTRAINT tag_pk PRIMARY KEY (key, run_uuid));
        CREATE TABLE metrics (key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT NOT NULL,
            run_uuid VARCHAR(32) NOT NULL, CONSTRAINT metric_pk PRIMARY KEY (key, timestamp, run_uuid));
        """;

    private readonly TempDirectory temp = new();

    public MlflowDatabaseFixture(string schema = CurrentSchema, string folder = "project", bool writeAheadLog = false)
    {
        Workspace = temp.Path;
        Path = temp.Combine(folder, "mlflow.db");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        Execute((writeAheadLog ? "PRAGMA journal_mode=WAL;" : "") + schema);
    }

    public string Workspace { get; }

    public string Path { get; }

    public RunUnit Unit => new(UnitFormats.MlflowDatabase, Path, Path, Workspace);

    /// <summary>A fresh writable connection; the caller disposes it.</summary>
    public SqliteConnection OpenWriter()
    {
        var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        return connection;
    }

    public void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = OpenWriter();
        Execute(connection, sql, parameters);
    }

    public static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    public void Experiment(int id, string name, string lifecycleStage = "active") =>
        Execute("INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage) VALUES ($id, $name, $uri, $stage)",
            ("$id", id), ("$name", name), ("$uri", $"file:///c:/mlruns/{id}"), ("$stage", lifecycleStage));

    public void Run(string runId, int experimentId, string? name = "brave-owl-42", string status = "FINISHED",
        long? startTime = 1698092677862, long? endTime = 1698092683202, string lifecycleStage = "active", string? user = "alice") =>
        Execute("INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time, end_time, " +
                "source_version, lifecycle_stage, artifact_uri, experiment_id) " +
                "VALUES ($id, $name, 'LOCAL', '', '', $user, $status, $start, $end, '', $stage, $uri, $experiment)",
            ("$id", runId), ("$name", name), ("$user", user), ("$status", status), ("$start", startTime), ("$end", endTime),
            ("$stage", lifecycleStage), ("$uri", $"file:///c:/mlruns/{experimentId}/{runId}/artifacts"), ("$experiment", experimentId));

    public void Param(string runId, string key, string value) =>
        Execute("INSERT INTO params (key, value, run_uuid) VALUES ($k, $v, $r)", ("$k", key), ("$v", value), ("$r", runId));

    public void Tag(string runId, string key, string? value) =>
        Execute("INSERT INTO tags (key, value, run_uuid) VALUES ($k, $v, $r)", ("$k", key), ("$v", value), ("$r", runId));

    /// <summary>Logs a metric point the way MLflow's SQL store does: NaN as 0 with is_nan, ±infinity as ±double.MaxValue.</summary>
    public void Metric(string runId, string key, double value, long timestamp, long step)
    {
        var isNan = double.IsNaN(value);
        var stored = isNan ? 0 : double.IsInfinity(value) ? (value > 0 ? double.MaxValue : double.MinValue) : value;
        Execute("INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES ($k, $v, $t, $r, $s, $n)",
            ("$k", key), ("$v", stored), ("$t", timestamp), ("$r", runId), ("$s", step), ("$n", isNan ? 1 : 0));
    }

    public UnitReadResult Read(bool includeDeleted = false) =>
        new MlflowDatabaseReader(includeDeleted).Read(Unit, CancellationToken.None);

    public void Dispose() => temp.Dispose();
}
