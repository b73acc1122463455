using IdeTracker.Core.Model;
using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Index;

/// <summary>Queries. Each takes its own pooled connection, so any number may run at once on any thread.</summary>
public sealed partial class IndexStore
{
    /// <summary>The columns <see cref="ReadRunRow"/> reads, in order; the metric columns are those of the
    /// main metric, joined on <c>$metric</c>.</summary>
    private const string RunRowColumns = """
        r.id, r.source, r.store_key, r.experiment, r.name, r.parent_id, r.status, r.start_ms, r.end_ms, r.directory,
        (SELECT count(*) FROM runs c WHERE c.parent_id = r.id),
        m.first, m.last, m.min, m.max, m.count, m.last_step, m.last_ts,
        r.label, (SELECT u.max_mtime FROM units u WHERE u.id = r.unit),
        r.unit = -1, (SELECT a.starred FROM annotations a WHERE a.run_id = r.id),
        (SELECT group_concat(t.tag, char(31)) FROM annotation_tags t WHERE t.run_id = r.id)
        """;

    private const int RunRowColumnCount = 23;

    private const string DetailColumns = """
        r.native_id, r.store_path, r.experiment_id, r.user_name, r.host, r.command, r.git_commit, r.git_dirty, r.note,
        r.metrics_file, r.run
        """;

    private const string RunsWithMainMetric =
        "FROM runs r LEFT JOIN metric_summaries m ON m.run = r.run AND m.key = $metric";

    /// <summary>Top-level: no parent, or a parent the index does not hold (its folder was not found).</summary>
    private const string TopLevelRunsOf = "r.store_key = $store AND r.experiment IS $experiment AND r.top = 1";

    private const string SummaryColumns = "key, first, last, min, max, count, last_step, last_ts";

    /// <summary>Every store holding at least one run, by path; with <paramref name="filter"/>, those holding a
    /// run it selects, counting only those.</summary>
    public IReadOnlyList<StoreRow> GetStores(Queries.CompiledFilter? filter = null)
    {
        filter ??= Queries.CompiledFilter.All;
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        filter.Bind(command);
        command.CommandText = $"""
            SELECT r.store_key, min(r.source), count(*) FROM runs r WHERE {filter.Sql} GROUP BY r.store_key
            ORDER BY substr(r.store_key, instr(r.store_key, ':') + 1), r.store_key
            """;
        using var reader = command.ExecuteReader();
        var stores = new List<StoreRow>();
        while (reader.Read())
        {
            var key = reader.GetString(0);
            stores.Add(new StoreRow(key, reader.GetString(1), key[(key.IndexOf(':') + 1)..], reader.GetInt32(2)));
        }

        return stores;
    }

    /// <summary>The experiments of a store by name, runs without an experiment last; with <paramref name="filter"/>,
    /// those holding a run it selects, counting only those.</summary>
    public IReadOnlyList<ExperimentRow> GetExperiments(string storeKey, Queries.CompiledFilter? filter = null)
    {
        filter ??= Queries.CompiledFilter.All;
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        filter.Bind(command);
        command.CommandText = $"""
            SELECT r.experiment, count(*), max(r.start_ms) FROM runs r WHERE r.store_key = $store AND {filter.Sql}
            GROUP BY r.experiment ORDER BY r.experiment IS NULL, r.experiment
            """;
        command.Parameters.AddWithValue("$store", storeKey);
        using var reader = command.ExecuteReader();
        var experiments = new List<ExperimentRow>();
        while (reader.Read())
        {
            experiments.Add(new ExperimentRow(
                storeKey,
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.GetInt32(1),
                ReadTime(reader, 2)));
        }

        return experiments;
    }

    /// <summary>One page of runs, newest first then by name. With <paramref name="parentId"/> null: the
    /// top-level runs of the store's experiment; otherwise the children of that run (wherever they are).</summary>
    public Page<RunRow> GetRuns(string storeKey, string? experiment, string? parentId, int offset, int limit, string? mainMetricKey)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var where = parentId is null ? TopLevelRunsOf : "r.parent_id = $parent";
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$store", storeKey);
        command.Parameters.AddWithValue("$experiment", (object?)experiment ?? DBNull.Value);
        command.Parameters.AddWithValue("$parent", (object?)parentId ?? DBNull.Value);
        command.Parameters.AddWithValue("$metric", (object?)mainMetricKey ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);

        command.CommandText = $"SELECT count(*) FROM runs r WHERE {where}";
        var total = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

        command.CommandText = $"""
            SELECT {RunRowColumns} {RunsWithMainMetric} WHERE {where}
            ORDER BY r.start_ms DESC, r.name, r.id LIMIT $limit OFFSET $offset
            """;
        var rows = new List<RunRow>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(ReadRunRow(reader));
            }
        }

        return new Page<RunRow>(rows, total, offset);
    }

    public RunDetailsRow? GetRunDetails(string runId, string? mainMetricKey)
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {RunRowColumns}, {DetailColumns} {RunsWithMainMetric} WHERE r.id = $id";
        command.Parameters.AddWithValue("$id", runId);
        command.Parameters.AddWithValue("$metric", (object?)mainMetricKey ?? DBNull.Value);
        RunDetailsParts parts;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            parts = new RunDetailsParts(reader);
        }

        command.Parameters.Clear();
        command.Parameters.AddWithValue("$run", parts.RunKey);
        Fill(command, "SELECT run, key, text FROM params WHERE run = $run ORDER BY key", _ => parts.Params);
        Fill(command, "SELECT run, key, value FROM tags WHERE run = $run ORDER BY key", _ => parts.Tags);
        FillSummaries(command, $"SELECT run, {SummaryColumns} FROM metric_summaries WHERE run = $run ORDER BY key", _ => parts.Metrics);
        FillEnvironment(command, "WHERE run = $run", _ => parts);
        return parts.Row;
    }

    /// <summary>Every run with everything but series, ordered by store path, experiment, start time and name.</summary>
    public IReadOnlyList<RunDetailsRow> GetAllRunDetails(string? mainMetricKey)
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {RunRowColumns}, {DetailColumns} {RunsWithMainMetric}
            ORDER BY r.store_path, r.source, r.experiment, r.start_ms, r.name, r.id
            """;
        command.Parameters.AddWithValue("$metric", (object?)mainMetricKey ?? DBNull.Value);
        return ReadRunDetails(command, string.Empty, (c, _) => c.Parameters.Clear()).ConvertAll(parts => parts.Row);
    }

    /// <summary>Reads the runs <paramref name="command"/> selects (<see cref="RunRowColumns"/> then
    /// <see cref="DetailColumns"/>), then fills their params, tags, metrics and environment with one query
    /// per table over <paramref name="selected"/>: a WHERE clause on the run key ("" for every run) whose
    /// parameters <paramref name="rebind"/> sets once the keys are known.</summary>
    private static List<RunDetailsParts> ReadRunDetails(
        SqliteCommand command, string selected, Action<SqliteCommand, IReadOnlyCollection<long>>? rebind = null)
    {
        var runs = new List<RunDetailsParts>();
        var byKey = new Dictionary<long, RunDetailsParts>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var parts = new RunDetailsParts(reader);
                runs.Add(parts);
                byKey[parts.RunKey] = parts;
            }
        }

        rebind?.Invoke(command, byKey.Keys);
        Fill(command, $"SELECT run, key, text FROM params {selected} ORDER BY run, key", run => byKey[run].Params);
        Fill(command, $"SELECT run, key, value FROM tags {selected} ORDER BY run, key", run => byKey[run].Tags);
        FillSummaries(command, $"SELECT run, {SummaryColumns} FROM metric_summaries {selected} ORDER BY run, key", run => byKey[run].Metrics);
        FillEnvironment(command, selected, run => byKey[run]);
        return runs;
    }

    /// <summary>Every point of one metric of one run, empty when the run or metric is unknown. A damaged
    /// blob is logged and read as empty: the index is a cache and the next re-read repairs it.</summary>
    public IReadOnlyList<MetricPoint> GetSeries(string runId, string key)
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.blob FROM metric_series s JOIN runs r ON r.run = s.run WHERE r.id = $id AND s.key = $key
            """;
        command.Parameters.AddWithValue("$id", runId);
        command.Parameters.AddWithValue("$key", key);
        if (command.ExecuteScalar() is not byte[] blob)
        {
            return [];
        }

        try
        {
            return MetricSeriesCodec.Decode(blob);
        }
        catch (InvalidDataException e)
        {
            log?.Invoke($"The index holds a damaged series of {key} for run {runId}: {e.Message}.");
            return [];
        }
    }

    /// <summary>Every metric key with the number of runs that report it, most common first.</summary>
    public IReadOnlyList<MetricKeyCount> GetMetricKeyCounts()
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, count(*) FROM metric_summaries GROUP BY key ORDER BY count(*) DESC, key";
        using var reader = command.ExecuteReader();
        var counts = new List<MetricKeyCount>();
        while (reader.Read())
        {
            counts.Add(new MetricKeyCount(reader.GetString(0), reader.GetInt32(1)));
        }

        return counts;
    }

    /// <summary>Every problem, those of discovery and those of units, by path and line.</summary>
    public IReadOnlyList<Problem> GetProblems()
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT path, line, message, severity FROM problems ORDER BY path, line, message";
        using var reader = command.ExecuteReader();
        var problems = new List<Problem>();
        while (reader.Read())
        {
            problems.Add(new Problem(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetString(2),
                Enum.Parse<ProblemSeverity>(reader.GetString(3), ignoreCase: true)));
        }

        return problems;
    }

    /// <summary>Totals for the status bar. A run is live when its status says running and a file of its
    /// unit was written within <paramref name="liveWindow"/> before <paramref name="now"/>; a crashed run
    /// keeps saying running forever, so the status alone is not enough.</summary>
    public IndexCounts GetCounts(DateTimeOffset now, TimeSpan liveWindow)
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM runs),
                   (SELECT count(*) FROM runs r WHERE r.status IN ('running', 'unknown')
                        AND (SELECT u.max_mtime FROM units u WHERE u.id = r.unit) >= $since),
                   (SELECT count(*) FROM problems)
            """;
        command.Parameters.AddWithValue("$since", (now - liveWindow).UtcTicks);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new IndexCounts(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    /// <summary>Reads the <see cref="RunRowColumns"/> that start at column <paramref name="at"/>.</summary>
    private static RunRow ReadRunRow(SqliteDataReader reader, int at = 0) => new(
        reader.GetString(at),
        reader.GetString(at + 1),
        reader.GetString(at + 2),
        reader.IsDBNull(at + 3) ? null : reader.GetString(at + 3),
        reader.GetString(at + 4),
        reader.IsDBNull(at + 5) ? null : reader.GetString(at + 5),
        RunStatusNames.FromWire(reader.GetString(at + 6)),
        ReadTime(reader, at + 7),
        ReadTime(reader, at + 8),
        reader.GetString(at + 9),
        reader.GetInt32(at + 10),
        reader.IsDBNull(at + 15) ? null : ReadSummary(reader, at + 11),
        ReadText(reader, at + 18),
        reader.IsDBNull(at + 19) ? null : new DateTimeOffset(reader.GetInt64(at + 19), TimeSpan.Zero))
    {
        Gone = reader.GetInt64(at + 20) != 0,
        Starred = !reader.IsDBNull(at + 21) && reader.GetInt64(at + 21) != 0,
        UserTags = reader.IsDBNull(at + 22) ? [] : [.. reader.GetString(at + 22).Split('\u001f').Order(StringComparer.Ordinal)],
    };

    /// <summary>Reads first, last, min, max, count, last step, last timestamp from <paramref name="at"/> on.
    /// NULL values are NaN: SQLite stores NaN as NULL, and a summary value is never missing otherwise.</summary>
    private static MetricSummary ReadSummary(SqliteDataReader reader, int at) => new(
        ReadValue(reader, at),
        ReadValue(reader, at + 1),
        ReadValue(reader, at + 2),
        ReadValue(reader, at + 3),
        reader.GetInt64(at + 4),
        reader.GetInt64(at + 5),
        reader.GetInt64(at + 6));

    private static double ReadValue(SqliteDataReader reader, int at) =>
        reader.IsDBNull(at) ? double.NaN : reader.GetDouble(at);

    private static DateTimeOffset? ReadTime(SqliteDataReader reader, int at) =>
        reader.IsDBNull(at) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(at));

    private static string? ReadText(SqliteDataReader reader, int at) => reader.IsDBNull(at) ? null : reader.GetString(at);

    /// <summary>Runs a (run, key, text) query into the dictionary <paramref name="target"/> picks per run.</summary>
    private static void Fill(SqliteCommand command, string sql, Func<long, Dictionary<string, string>> target)
    {
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            target(reader.GetInt64(0))[reader.GetString(1)] = reader.GetString(2);
        }
    }

    /// <summary>Packages, environment, media and data inputs of the runs <paramref name="where"/> selects.</summary>
    private static void FillEnvironment(SqliteCommand command, string where, Func<long, RunDetailsParts> target)
    {
        Fill(command, $"SELECT run, name, version FROM packages {where} ORDER BY run, name", run => target(run).Packages);
        Fill(command, $"SELECT run, key, value FROM environment {where} ORDER BY run, key", run => target(run).Environment);
        command.CommandText = $"SELECT run, tag, kind, count, last_step FROM media {where} ORDER BY run, tag";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                target(reader.GetInt64(0)).Media.Add(new RunMedia(reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4)));
            }
        }

        command.CommandText = $"SELECT run, path, digest, size, files FROM data_inputs {where} ORDER BY run, path";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                target(reader.GetInt64(0)).DataInputs.Add(new DataInput(
                    reader.GetString(1),
                    ReadText(reader, 2),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    reader.IsDBNull(4) ? null : reader.GetInt64(4)));
            }
        }
    }

    private static void FillSummaries(SqliteCommand command, string sql, Func<long, Dictionary<string, MetricSummary>> target)
    {
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            target(reader.GetInt64(0))[reader.GetString(1)] = ReadSummary(reader, 2);
        }
    }

    /// <summary>A run's details whose dictionaries are filled by later queries.</summary>
    private sealed class RunDetailsParts
    {
        public RunDetailsParts(SqliteDataReader reader)
        {
            var at = RunRowColumnCount;
            RunKey = reader.GetInt64(at + 10);
            Row = new RunDetailsRow(
                ReadRunRow(reader),
                reader.GetString(at),
                reader.GetString(at + 1),
                ReadText(reader, at + 2),
                ReadText(reader, at + 3),
                ReadText(reader, at + 4),
                ReadText(reader, at + 5),
                ReadText(reader, at + 6),
                reader.IsDBNull(at + 7) ? null : reader.GetInt64(at + 7) != 0,
                ReadText(reader, at + 8),
                ReadText(reader, at + 9),
                Params,
                Metrics,
                Tags)
            {
                Packages = Packages,
                Environment = Environment,
                Media = Media,
                DataInputs = DataInputs,
            };
        }

        public long RunKey { get; }

        public RunDetailsRow Row { get; }

        public Dictionary<string, string> Params { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, MetricSummary> Metrics { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Packages { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

        public List<RunMedia> Media { get; } = [];

        public List<DataInput> DataInputs { get; } = [];
    }
}
