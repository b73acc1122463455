using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Index;

/// <summary>The write side of the index: prepared commands made once and re-bound for every row, each
/// call one transaction. Not thread-safe; <see cref="IndexStore"/> serialises calls.</summary>
internal sealed class UnitBatchWriter : IDisposable
{
    private const string RunsOfUnit = "SELECT run FROM runs WHERE unit = $unit";

    private readonly SqliteConnection connection;
    private readonly string workspaceRoot;
    private readonly List<SqliteCommand> commands = [];
    private readonly SqliteCommand findUnit;
    private readonly SqliteCommand runIdsOfUnit;
    private readonly SqliteCommand deleteUnitRows;
    private readonly SqliteCommand deleteUnit;
    private readonly SqliteCommand updateUnit;
    private readonly SqliteCommand insertUnit;
    private readonly SqliteCommand insertFile;
    private readonly SqliteCommand insertRun;
    private readonly SqliteCommand unitOfRun;
    private readonly SqliteCommand insertParam;
    private readonly SqliteCommand insertSummary;
    private readonly SqliteCommand insertSeries;
    private readonly SqliteCommand insertTag;
    private readonly SqliteCommand insertProblem;
    private readonly SqliteCommand deleteScanProblems;

    public UnitBatchWriter(SqliteConnection connection, string workspaceRoot)
    {
        this.connection = connection;
        this.workspaceRoot = workspaceRoot;
        findUnit = Prepare("SELECT id FROM units WHERE path = $path", "$path");
        runIdsOfUnit = Prepare("SELECT id FROM runs WHERE unit = $unit", "$unit");
        deleteUnitRows = Prepare($"""
            DELETE FROM params WHERE run IN ({RunsOfUnit});
            DELETE FROM metric_summaries WHERE run IN ({RunsOfUnit});
            DELETE FROM metric_series WHERE run IN ({RunsOfUnit});
            DELETE FROM tags WHERE run IN ({RunsOfUnit});
            DELETE FROM runs WHERE unit = $unit;
            DELETE FROM files WHERE unit = $unit;
            DELETE FROM problems WHERE unit = $unit;
            """, "$unit");
        deleteUnit = Prepare("DELETE FROM units WHERE id = $unit", "$unit");
        updateUnit = Prepare("UPDATE units SET format = $format, store_path = $store WHERE id = $unit", "$unit", "$format", "$store");
        insertUnit = Prepare("INSERT INTO units(path, format, store_path) VALUES($path, $format, $store) RETURNING id", "$path", "$format", "$store");
        insertFile = Prepare("INSERT INTO files(unit, path, size, mtime) VALUES($unit, $path, $size, $mtime)", "$unit", "$path", "$size", "$mtime");
        insertRun = Prepare("""
            INSERT INTO runs(id, unit, source, store_key, store_path, experiment_id, experiment, name, native_id, parent_id,
                status, start_ms, end_ms, user_name, host, command, git_commit, git_dirty, note, directory, metrics_file)
            VALUES($id, $unit, $source, $store_key, $store_path, $experiment_id, $experiment, $name, $native_id, $parent_id,
                $status, $start_ms, $end_ms, $user, $host, $command, $git_commit, $git_dirty, $note, $directory, $metrics_file)
            ON CONFLICT(id) DO NOTHING
            RETURNING run
            """,
            "$id", "$unit", "$source", "$store_key", "$store_path", "$experiment_id", "$experiment", "$name", "$native_id",
            "$parent_id", "$status", "$start_ms", "$end_ms", "$user", "$host", "$command", "$git_commit", "$git_dirty",
            "$note", "$directory", "$metrics_file");
        unitOfRun = Prepare("SELECT u.path FROM runs r JOIN units u ON u.id = r.unit WHERE r.id = $id", "$id");
        insertParam = Prepare("INSERT INTO params(run, key, text, num) VALUES($run, $key, $text, $num)", "$run", "$key", "$text", "$num");
        insertSummary = Prepare("""
            INSERT INTO metric_summaries(run, key, first, last, min, max, count, last_step, last_ts)
            VALUES($run, $key, $first, $last, $min, $max, $count, $last_step, $last_ts)
            """,
            "$run", "$key", "$first", "$last", "$min", "$max", "$count", "$last_step", "$last_ts");
        insertSeries = Prepare("INSERT INTO metric_series(run, key, blob) VALUES($run, $key, $blob)", "$run", "$key", "$blob");
        insertTag = Prepare("INSERT INTO tags(run, key, value) VALUES($run, $key, $value)", "$run", "$key", "$value");
        insertProblem = Prepare(
            "INSERT INTO problems(unit, path, line, message, severity) VALUES($unit, $path, $line, $message, $severity)",
            "$unit", "$path", "$line", "$message", "$severity");
        deleteScanProblems = Prepare("DELETE FROM problems WHERE unit IS NULL");
    }

    public IndexWriteResult Write(IReadOnlyList<(RunUnit Unit, UnitReadResult Result)> batch)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var written = 0;
        using var transaction = Begin();
        foreach (var (unit, result) in batch)
        {
            var unitId = ReplaceUnit(unit, changed);
            foreach (var file in result.Files)
            {
                Run(insertFile, unitId, file.Path, file.Size, file.MtimeTicks);
            }

            foreach (var problem in result.Problems)
            {
                InsertProblem(unitId, problem);
            }

            foreach (var run in result.Runs)
            {
                if (InsertRun(unitId, run))
                {
                    written++;
                    changed.Add(run.Id);
                }
            }
        }

        transaction.Commit();
        return new IndexWriteResult(written, changed);
    }

    public IReadOnlyCollection<string> Remove(IReadOnlyCollection<string> unitPaths)
    {
        var removed = new HashSet<string>(StringComparer.Ordinal);
        using var transaction = Begin();
        foreach (var path in unitPaths)
        {
            if (Scalar(findUnit, path) is long unitId)
            {
                CollectRunIds(unitId, removed);
                Run(deleteUnitRows, unitId);
                Run(deleteUnit, unitId);
            }
        }

        transaction.Commit();
        return removed;
    }

    public void ReplaceScanProblems(IReadOnlyList<Problem> problems)
    {
        using var transaction = Begin();
        Run(deleteScanProblems);
        foreach (var problem in problems)
        {
            InsertProblem(null, problem);
        }

        transaction.Commit();
    }

    public void Dispose()
    {
        foreach (var command in commands)
        {
            command.Dispose();
        }
    }

    private long ReplaceUnit(RunUnit unit, HashSet<string> changed)
    {
        if (Scalar(findUnit, unit.Path) is long existing)
        {
            CollectRunIds(existing, changed);
            Run(deleteUnitRows, existing);
            Run(updateUnit, existing, unit.Format, unit.StorePath);
            return existing;
        }

        return (long)Scalar(insertUnit, unit.Path, unit.Format, unit.StorePath)!;
    }

    private bool InsertRun(long unitId, Run run)
    {
        var storeKey = run.Source + ":" + PathText.RelativeOrSelf(workspaceRoot, run.StorePath);
        var inserted = Scalar(
            insertRun,
            run.Id,
            unitId,
            run.Source,
            storeKey,
            run.StorePath,
            run.ExperimentId,
            run.Experiment,
            run.Name,
            run.NativeId,
            run.ParentId,
            run.Status.ToWire(),
            run.StartTime?.ToUnixTimeMilliseconds(),
            run.EndTime?.ToUnixTimeMilliseconds(),
            run.User,
            run.Host,
            run.Command,
            run.GitCommit,
            run.GitDirty is bool dirty ? (dirty ? 1L : 0L) : null,
            run.Note,
            run.Directory,
            run.MetricsFile);
        if (inserted is not long runKey)
        {
            var owner = Scalar(unitOfRun, run.Id) as string ?? "another unit";
            InsertProblem(unitId, new Problem(
                run.Directory,
                0,
                $"run {run.NativeId} has the same id ({run.Id}) as a run already read from {PathText.RelativeOrSelf(workspaceRoot, owner)}; it is skipped",
                ProblemSeverity.Warning));
            return false;
        }

        foreach (var (key, text) in run.Params)
        {
            Run(insertParam, runKey, key, text, ParamNumber.Parse(text));
        }

        foreach (var (key, points) in run.Metrics)
        {
            if (MetricSummary.Of(points) is not { } summary)
            {
                continue;
            }

            Run(
                insertSummary,
                runKey,
                key,
                summary.First,
                summary.Last,
                summary.Min,
                summary.Max,
                summary.Count,
                summary.LastStep,
                summary.LastTimestampMs);
            Run(insertSeries, runKey, key, MetricSeriesCodec.Encode(points));
        }

        foreach (var (key, value) in run.Tags)
        {
            Run(insertTag, runKey, key, value);
        }

        return true;
    }

    private void InsertProblem(long? unitId, Problem problem) =>
        Run(insertProblem, unitId, problem.Path, problem.Line, problem.Message, problem.Severity.ToString().ToLowerInvariant());

    private void CollectRunIds(long unitId, HashSet<string> into)
    {
        SetParameters(runIdsOfUnit, unitId);
        using var reader = runIdsOfUnit.ExecuteReader();
        while (reader.Read())
        {
            into.Add(reader.GetString(0));
        }
    }

    private SqliteTransaction Begin()
    {
        var transaction = connection.BeginTransaction();
        foreach (var command in commands)
        {
            command.Transaction = transaction;
        }

        return transaction;
    }

    private SqliteCommand Prepare(string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        commands.Add(command);
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        SetParameters(command, values);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteCommand command, params object?[] values)
    {
        SetParameters(command, values);
        return command.ExecuteScalar();
    }

    /// <summary>Binds in declaration order. SQLite stores NaN as NULL anyway; saying so keeps it explicit
    /// that a NULL metric value reads back as NaN.</summary>
    private static void SetParameters(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                double d when double.IsNaN(d) => DBNull.Value,
                var value => value,
            };
        }
    }
}
