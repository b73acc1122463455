using IdeTracker.Core.Model;
using Microsoft.Data.Sqlite;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>Reads every run of an open MLflow tracking database in one read transaction, so the runs,
/// params, tags and metrics come from the same moment.</summary>
internal sealed class MlflowDatabaseLoader(
    SqliteConnection connection,
    RunUnit unit,
    bool includeDeleted,
    List<Problem> problems,
    CancellationToken cancellationToken)
{
    private const int RowsBetweenCancellationChecks = 4096;

    private readonly string path = unit.Path;

    public List<Run> Load()
    {
        // One read transaction for every query. Issued as SQL rather than BeginTransaction so the commands
        // need not carry it; the connection is closed afterwards, which ends it.
        using (var begin = Command("BEGIN DEFERRED"))
        {
            begin.ExecuteNonQuery();
        }

        var tables = FindTables();
        if (tables is null)
        {
            return [];
        }

        var experiments = tables.Experiments is null ? [] : ReadExperiments(tables.Experiments);
        var records = ReadRuns(tables.Runs!, experiments);
        if (tables.Tags is not null)
        {
            ReadPairs(tables.Tags, (runId, key, value) =>
            {
                if (records.TryGetValue(runId, out var record))
                {
                    record.Tags[key] = value;
                }
            });
        }

        var storeRelative = PathText.RelativeOrSelf(unit.WorkspaceRoot, unit.StorePath);
        var runs = new Dictionary<string, Run>(records.Count, StringComparer.Ordinal);
        foreach (var (runId, record) in records)
        {
            runs[runId] = record.ToRun(unit.StorePath, storeRelative, path, path);
        }

        if (tables.Params is not null)
        {
            ReadPairs(tables.Params, (runId, key, value) =>
            {
                if (runs.TryGetValue(runId, out var run))
                {
                    run.Params[key] = value;
                }
            });
        }

        if (tables.Metrics is not null)
        {
            ReadMetrics(tables.Metrics, runs);
        }

        return [.. runs.Values];
    }

    private Tables? FindTables()
    {
        var tables = new Tables(
            DatabaseTable.Find(connection, "experiments"),
            DatabaseTable.Find(connection, "runs"),
            DatabaseTable.Find(connection, "params"),
            DatabaseTable.Find(connection, "tags"),
            DatabaseTable.Find(connection, "metrics"));
        if (tables.Runs is null && tables.Experiments is null)
        {
            problems.Add(new Problem(path, 0, "has none of MLflow's tables; not an MLflow tracking database"));
            return null;
        }

        foreach (var (name, table) in tables.Named())
        {
            if (table is null)
            {
                problems.Add(new Problem(path, 0, $"has no table '{name}'"));
            }
        }

        if (tables.Runs is null)
        {
            return null;
        }

        if (tables.Runs.Missing("run_uuid") is { } missing)
        {
            problems.Add(new Problem(path, 0, $"table 'runs' has no column '{missing}'; no run can be read"));
            return null;
        }

        return tables with
        {
            Params = Usable(tables.Params, "key", "value", "run_uuid"),
            Tags = Usable(tables.Tags, "key", "value", "run_uuid"),
            Metrics = Usable(tables.Metrics, "key", "value", "run_uuid"),
        };
    }

    private DatabaseTable? Usable(DatabaseTable? table, params ReadOnlySpan<string> required)
    {
        if (table?.Missing(required) is { } missing)
        {
            problems.Add(new Problem(path, 0, $"table '{table.Name}' has no column '{missing}'; its rows are skipped"));
            return null;
        }

        return table;
    }

    private Dictionary<string, (string? Name, bool Deleted)> ReadExperiments(DatabaseTable table)
    {
        var experiments = new Dictionary<string, (string?, bool)>(StringComparer.Ordinal);
        using var command = Command($"SELECT {table.Select("experiment_id")}, {table.Select("name")}, {table.Select("lifecycle_stage")} FROM experiments");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (Text(reader, 0) is { } id)
            {
                experiments[id] = (Text(reader, 1), Text(reader, 2) == "deleted");
            }
        }

        return experiments;
    }

    private Dictionary<string, MlflowRunRecord> ReadRuns(DatabaseTable table, Dictionary<string, (string? Name, bool Deleted)> experiments)
    {
        var records = new Dictionary<string, MlflowRunRecord>(StringComparer.Ordinal);
        using var command = Command(
            $"SELECT run_uuid, {table.Select("name")}, {table.Select("user_id")}, {table.Select("status")}, " +
            $"{table.Select("start_time")}, {table.Select("end_time")}, {table.Select("lifecycle_stage")}, " +
            $"{table.Select("experiment_id")} FROM runs");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (Text(reader, 0) is not { Length: > 0 } runId)
            {
                continue;
            }

            var experimentId = Text(reader, 7);
            var experiment = experimentId is not null && experiments.TryGetValue(experimentId, out var found) ? found : default;
            var deleted = Text(reader, 6) == "deleted" || experiment.Deleted;
            if (deleted && !includeDeleted)
            {
                continue;
            }

            var status = Text(reader, 3);
            records[runId] = new MlflowRunRecord(runId)
            {
                RunName = Text(reader, 1),
                UserId = Text(reader, 2),
                Status = status is null ? RunStatus.Unknown : MlflowStatus.FromName(status),
                StartMs = Time(reader, 4),
                EndMs = Time(reader, 5),
                Deleted = deleted,
                ExperimentId = experimentId,
                ExperimentName = experiment.Name,
            };
        }

        return records;
    }

    /// <summary>Params and tags: (key, value, run_uuid) rows. A NULL tag value reads as empty text.</summary>
    private void ReadPairs(DatabaseTable table, Action<string, string, string> add)
    {
        using var command = Command($"SELECT \"key\", \"value\", run_uuid FROM \"{table.Name}\"");
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            CheckCancellation(ref rows);
            if (Text(reader, 0) is { } key && Text(reader, 2) is { } runId)
            {
                add(runId, key, Text(reader, 1) ?? "");
            }
        }
    }

    /// <summary>Rows in table order, which is the order they were logged in. MLflow stores NaN as 0 with
    /// is_nan set, and ±infinity as ±double.MaxValue because SQL has no infinity: both are read back as
    /// the values that were logged, as the file store keeps them.</summary>
    private void ReadMetrics(DatabaseTable table, Dictionary<string, Run> runs)
    {
        using var command = Command(
            $"SELECT \"key\", \"value\", {table.Select("timestamp")}, {table.Select("step")}, {table.Select("is_nan")}, run_uuid FROM metrics");
        using var reader = command.ExecuteReader();
        var rows = 0;
        string? lastRunId = null;
        Run? run = null;
        while (reader.Read())
        {
            CheckCancellation(ref rows);
            var runId = Text(reader, 5);
            if (runId != lastRunId)
            {
                lastRunId = runId;
                run = runId is not null && runs.TryGetValue(runId, out var found) ? found : null;
            }

            if (run is null || Text(reader, 0) is not { } key || reader.IsDBNull(1))
            {
                continue;
            }

            var value = reader.GetDouble(1);
            if (!reader.IsDBNull(4) && reader.GetInt64(4) != 0)
            {
                value = double.NaN;
            }
            else if (Math.Abs(value) == double.MaxValue)
            {
                value = value > 0 ? double.PositiveInfinity : double.NegativeInfinity;
            }

            var point = new MetricPoint(Long(reader, 3) ?? 0, Long(reader, 2) ?? 0, value);
            if (!run.Metrics.TryGetValue(key, out var points))
            {
                run.Metrics[key] = points = [];
            }

            points.Add(point);
        }
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private void CheckCancellation(ref int rows)
    {
        if (++rows % RowsBetweenCancellationChecks == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Any column as text, as SQLite converts it (integer ids become "0").</summary>
    private static string? Text(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static long? Long(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    private static long? Time(SqliteDataReader reader, int ordinal) =>
        Long(reader, ordinal) is { } ms && MlflowRunRecord.IsRepresentableTime(ms) ? ms : null;

    private sealed record Tables(
        DatabaseTable? Experiments,
        DatabaseTable? Runs,
        DatabaseTable? Params,
        DatabaseTable? Tags,
        DatabaseTable? Metrics)
    {
        public IEnumerable<(string Name, DatabaseTable? Table)> Named() =>
        [
            ("experiments", Experiments), ("runs", Runs), ("params", Params), ("tags", Tags), ("metrics", Metrics),
        ];
    }
}
