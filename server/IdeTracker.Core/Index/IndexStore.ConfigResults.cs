using System.Text.Json;
using IdeTracker.Core.Configs;
using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Index;

/// <summary>What past runs did with the keys of a config file: the keys runs record, the values they set one key
/// to with the main metric's results, and the runs a whole file stands for. A run's result is its best value of
/// the main metric (its max, or its min when lower is better); NaN-only and missing metrics count as none.
/// Rows are read off the (key, value) indexes, which hold the run beside the value; whether a run failed and its
/// metric come from a <see cref="RunResultTable"/> when many runs are involved, else by run key.</summary>
public sealed partial class IndexStore
{
    /// <summary>Run ids listed per value (and per file), best first.</summary>
    public const int MaxRunIdsPerValue = 500;

    /// <summary>Up to this many runs, their facts are read by run key; beyond, from a whole-index table.</summary>
    public const int DirectFactsLimit = 5_000;

    private const string RunFactsColumns = "r.run, r.status IN ('failed', 'killed'), CASE WHEN $higher THEN m.max ELSE m.min END";

    private const string RunsWithBestMetric =
        "FROM runs r LEFT JOIN metric_summaries m ON m.run = r.run AND m.key = $metric";

    private const string RunsNamedByKey = "r.run IN (SELECT value FROM json_each($runs))";

    /// <summary>Every param key with the number of runs recording it, most runs first. Reads every param row.</summary>
    public IReadOnlyList<KeyRunCount> GetParamKeyCounts() => KeyCounts("params");

    /// <summary>Every tag key with the number of runs carrying it, most runs first. Reads every tag row.</summary>
    public IReadOnlyList<KeyRunCount> GetTagKeyCounts() => KeyCounts("tags");

    /// <summary>How many runs record <paramref name="key"/>: a count off the key's index for params.</summary>
    public int CountRunsRecording(ValueSource source, string key)
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {Table(source)} WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The tag keys Hydra's group choices are kept under ("hydra.choice.optimizer").</summary>
    public IReadOnlyList<string> GetHydraChoiceTagKeys()
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        // "/" is the character after ".": the range is every key starting with the prefix.
        command.CommandText = "SELECT DISTINCT key FROM tags WHERE key >= 'hydra.choice.' AND key < 'hydra.choice/' ORDER BY key";
        var keys = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>Every run's best value of <paramref name="metric"/> (off the (key, max, min) index) and the runs that
    /// failed or were killed (off the status index).</summary>
    public RunResultTable LoadRunResults(MetricChoice? metric)
    {
        using var connection = OpenRead();
        return LoadRunResults(connection, null, metric);
    }

    private static RunResultTable LoadRunResults(SqliteConnection connection, SqliteTransaction? transaction, MetricChoice? metric)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT coalesce(max(run), 0) FROM runs";
        var size = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) + 1;
        var best = new double[size];
        Array.Fill(best, double.NaN);
        var failed = new bool[size];
        BindMetric(command, metric);
        command.CommandText = "SELECT run, CASE WHEN $higher THEN max ELSE min END FROM metric_summaries WHERE key = $metric";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (reader.GetInt64(0) is var run && run < size && !reader.IsDBNull(1))
                {
                    best[run] = reader.GetDouble(1);
                }
            }
        }

        command.CommandText = "SELECT run FROM runs WHERE status IN ('failed', 'killed')";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (reader.GetInt64(0) is var run && run < size)
                {
                    failed[run] = true;
                }
            }
        }

        return new RunResultTable(metric, best, failed);
    }

    /// <summary>Every value runs set <paramref name="key"/> to, numbers equal as numbers ("0.001" and "1e-3" are one)
    /// and text case-blind, as filters compare them: numbers ascending, then text by name. <paramref name="runResults"/>
    /// gives the table to use when the key has many runs (one is read for this call when it is null).</summary>
    public IReadOnlyList<ValueResult> GetValueResults(ValueSource source, string key, MetricChoice? metric, Func<RunResultTable>? runResults = null)
    {
        using var connection = OpenRead();

        // The key's spellings with their counts, then its runs in the same order: reading each row's text would
        // allocate a string per run. One snapshot for both, so a write in between cannot shift the runs.
        using var transaction = connection.BeginTransaction(deferred: true);
        var column = ValueColumn(source);
        var groups = new List<(string Text, int Count)>();
        var runs = new List<long>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.Parameters.AddWithValue("$key", key);
            command.CommandText = $"""
                SELECT {column}, count(*) FROM {Table(source)} WHERE key = $key
                GROUP BY {column} COLLATE NOCASE ORDER BY {column} COLLATE NOCASE
                """;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    groups.Add((reader.GetString(0), reader.GetInt32(1)));
                }
            }

            command.CommandText = $"SELECT run FROM {Table(source)} WHERE key = $key ORDER BY {column} COLLATE NOCASE";
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    runs.Add(reader.GetInt64(0));
                }
            }
        }

        var facts = Facts(connection, transaction, runs, metric, runResults);
        var higher = metric?.HigherIsBetter ?? true;
        var byIdentity = new Dictionary<ValueIdentity, ValueTally>();
        var at = 0;
        foreach (var (text, count) in groups)
        {
            var identity = ValueIdentity.Of(text);
            if (!byIdentity.TryGetValue(identity, out var tally))
            {
                byIdentity[identity] = tally = new ValueTally(identity.Number);
            }

            tally.AddSpelling(text, count);
            for (var end = at + count; at < end; at++)
            {
                tally.Add(facts(runs[at]), higher);
            }
        }

        var tops = byIdentity.Values.Select(t => (Tally: t, Top: t.Top(MaxRunIdsPerValue, higher))).ToList();
        var briefs = Briefs(connection, transaction, tops.SelectMany(t => t.Top));
        return [.. tops
            .OrderBy(t => t.Tally.Number is null)
            .ThenBy(t => t.Tally.Number)
            .ThenBy(t => t.Tally.Text, StringComparer.OrdinalIgnoreCase)
            .Select(t => t.Tally.ToResult(t.Top, briefs))];
    }

    /// <summary>The runs that record every key of <paramref name="conditions"/> (keys distinct, the key the fewest
    /// runs record first: only its runs can qualify), their best run and ids best first (at most
    /// <see cref="MaxRunIdsPerValue"/>), and, best first and as many, those whose values equal all of them.</summary>
    public FileResults GetFileResults(IReadOnlyList<ValueCondition> conditions, MetricChoice? metric, Func<RunResultTable>? runResults = null)
    {
        using var connection = OpenRead();
        using var transaction = connection.BeginTransaction(deferred: true);
        long size;
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT coalesce(max(run), 0) + 1 FROM runs";
            size = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        // By run key: 0 out, 1 records every key so far, 2 and sets each to the file's value.
        var marks = new byte[size];
        var next = new byte[size];
        var count = 0;
        var recorded = conditions.Count;
        for (var i = 0; i < conditions.Count; i++)
        {
            Array.Clear(next);
            count = Narrow(connection, transaction, conditions[i], i == 0 ? null : marks, count, next);
            (marks, next) = (next, marks);
            if (count == 0)
            {
                (marks, recorded) = MostCovering(connection, transaction, conditions, size);
                break;
            }
        }

        if (recorded == 0)
        {
            return new FileResults(0, conditions.Count, null, [], []) { RecordedKeys = 0 };
        }

        var candidates = Marked(marks);
        var facts = Facts(connection, transaction, candidates, metric, runResults);
        var higher = metric?.HigherIsBetter ?? true;
        var runs = candidates.ConvertAll(run => facts(run));
        var best = RunRanking.Top(runs, MaxRunIdsPerValue, higher);
        var same = RunRanking.Top(runs.Where(r => marks[r.RunKey] == 2), MaxRunIdsPerValue, higher);
        var briefs = Briefs(connection, transaction, best.Concat(same));
        var bestRun = best.Count > 0 && best[0].Best is not null ? briefs[best[0].RunKey] : null;
        return new FileResults(runs.Count, conditions.Count, bestRun, best.ConvertAll(r => briefs[r.RunKey].Id), same.ConvertAll(r => briefs[r.RunKey]))
        {
            RecordedKeys = recorded,
        };
    }

    /// <summary>When no run records every key: marks the runs that record the most of them (1, as <see cref="Narrow"/>
    /// marks a run that records a key; none is 2, as a run that records only some keys did not run this config) and
    /// returns the marks and that most. Each key's index range is read whole, once.</summary>
    private static (byte[] Marks, int Recorded) MostCovering(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<ValueCondition> conditions, long size)
    {
        var hits = new byte[size];
        var recording = new byte[size];
        foreach (var condition in conditions)
        {
            Array.Clear(recording);
            Narrow(connection, transaction, condition, null, 0, recording);
            for (var run = 0; run < size; run++)
            {
                if (recording[run] != 0 && hits[run] < byte.MaxValue)
                {
                    hits[run]++;
                }
            }
        }

        var most = 0;
        foreach (var hit in hits)
        {
            most = Math.Max(most, hit);
        }

        var marks = new byte[size];
        for (var run = 0; most > 0 && run < size; run++)
        {
            marks[run] = hits[run] == most ? (byte)1 : (byte)0;
        }

        return (marks, most);
    }

    /// <summary>Marks in <paramref name="next"/> the runs <paramref name="marks"/> holds (every run when null) that record
    /// the condition's key, 2 when they also set it to the condition's value and every earlier one to its own; returns
    /// how many. Few candidates are looked up by run; many are matched against the key's whole index range.</summary>
    private static int Narrow(SqliteConnection connection, SqliteTransaction transaction, ValueCondition condition, byte[]? marks, int marked, byte[] next)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = condition.Value.Trim();
        var number = condition.Source == ValueSource.Param ? ParamNumber.Parse(text) : null;

        // A text that is no number can only equal (case-blind) the text of a param that is none either, so both tests
        // read one of the (key, value) indexes alone.
        var equal = number is null ? $"{ValueColumn(condition.Source)} = $text COLLATE NOCASE" : "coalesce(num = $num, 0)";
        var byRun = marks is not null && marked <= DirectFactsLimit;
        command.CommandText = $"SELECT run, {equal} FROM {Table(condition.Source)} WHERE key = $key"
            + (byRun ? " AND run IN (SELECT value FROM json_each($runs))" : "");
        command.Parameters.AddWithValue("$key", condition.Key);
        command.Parameters.AddWithValue("$text", text);
        command.Parameters.AddWithValue("$num", (object?)number ?? DBNull.Value);
        if (byRun)
        {
            command.Parameters.AddWithValue("$runs", JsonSerializer.Serialize(Marked(marks!)));
        }

        var count = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var run = reader.GetInt64(0);
            if (run >= next.Length || (marks is not null && marks[run] == 0))
            {
                continue;
            }

            var same = reader.GetInt64(1) != 0 && (marks is null || marks[run] == 2);
            next[run] = same ? (byte)2 : (byte)1;
            count++;
        }

        return count;
    }

    private static List<long> Marked(byte[] marks)
    {
        var runs = new List<long>();
        for (var run = 0; run < marks.Length; run++)
        {
            if (marks[run] != 0)
            {
                runs.Add(run);
            }
        }

        return runs;
    }

    /// <summary>The facts of <paramref name="runs"/>: read by run key when they are few, else from the whole-index table.</summary>
    private static Func<long, RunFacts> Facts(SqliteConnection connection, SqliteTransaction? transaction, List<long> runs, MetricChoice? metric, Func<RunResultTable>? runResults)
    {
        if (runs.Count > DirectFactsLimit)
        {
            var table = runResults?.Invoke() is { } given && Equals(given.Metric, metric) ? given : LoadRunResults(connection, transaction, metric);
            return table.Get;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        BindMetric(command, metric);
        command.CommandText = $"SELECT {RunFactsColumns} {RunsWithBestMetric} WHERE {RunsNamedByKey}";
        command.Parameters.AddWithValue("$runs", JsonSerializer.Serialize(runs));
        var facts = new Dictionary<long, RunFacts>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var run = reader.GetInt64(0);
            facts[run] = new RunFacts(run, reader.GetInt64(1) != 0, reader.IsDBNull(2) ? null : reader.GetDouble(2));
        }

        return run => facts.TryGetValue(run, out var f) ? f : new RunFacts(run, false, null);
    }

    /// <summary>The briefs of <paramref name="runs"/> by run key, each with its best metric value.</summary>
    private static Dictionary<long, RunBrief> Briefs(SqliteConnection connection, SqliteTransaction? transaction, IEnumerable<RunFacts> runs)
    {
        var metrics = new Dictionary<long, double?>();
        foreach (var run in runs)
        {
            metrics[run.RunKey] = run.Best;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT r.run, r.id, r.name, r.experiment, r.status, r.start_ms, r.end_ms FROM runs r WHERE {RunsNamedByKey}";
        command.Parameters.AddWithValue("$runs", JsonSerializer.Serialize(metrics.Keys));
        var briefs = new Dictionary<long, RunBrief>(metrics.Count);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var run = reader.GetInt64(0);
            briefs[run] = new RunBrief(reader.GetString(1), reader.GetString(2), ReadText(reader, 3), reader.GetString(4), ReadTime(reader, 5), ReadTime(reader, 6), metrics[run]);
        }

        return briefs;
    }

    private static void BindMetric(SqliteCommand command, MetricChoice? metric)
    {
        command.Parameters.AddWithValue("$metric", (object?)metric?.Key ?? DBNull.Value);
        command.Parameters.AddWithValue("$higher", metric?.HigherIsBetter ?? true);
    }

    private static string Table(ValueSource source) => source == ValueSource.Param ? "params" : "tags";

    private static string ValueColumn(ValueSource source) => source == ValueSource.Param ? "text" : "value";

    private List<KeyRunCount> KeyCounts(string table)
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT key, count(*) FROM {table} GROUP BY key ORDER BY count(*) DESC, key";
        var counts = new List<KeyRunCount>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts.Add(new KeyRunCount(reader.GetString(0), reader.GetInt32(1)));
        }

        return counts;
    }
}
