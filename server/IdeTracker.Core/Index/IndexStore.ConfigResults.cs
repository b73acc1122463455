using System.Text.Json;
using IdeTracker.Core.Configs;
using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Index;

/// <summary>What past runs did with the keys of a config file: the keys runs record, the values they set one key
/// to with the main metric's results, and the runs a whole file stands for. A run's result is its best value of
/// the main metric (its max, or its min when lower is better); NaN-only and missing metrics count as none.
/// Rows are read off the (key, value) indexes, which hold the run beside the value; a run's status, start and
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
        return LoadRunResults(connection, metric);
    }

    private static RunResultTable LoadRunResults(SqliteConnection connection, MetricChoice? metric)
    {
        var best = new Dictionary<long, double?>();
        var failed = new HashSet<long>();
        using var command = connection.CreateCommand();
        BindMetric(command, metric);
        command.CommandText = "SELECT run, CASE WHEN $higher THEN max ELSE min END FROM metric_summaries WHERE key = $metric";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                best[reader.GetInt64(0)] = reader.IsDBNull(1) ? null : reader.GetDouble(1);
            }
        }

        command.CommandText = "SELECT run FROM runs WHERE status IN ('failed', 'killed')";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                failed.Add(reader.GetInt64(0));
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
        var rows = new List<(long Run, string Text)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT run, {ValueColumn(source)} FROM {Table(source)} WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        var facts = Facts(connection, rows.ConvertAll(r => r.Run), metric, runResults);
        var higher = metric?.HigherIsBetter ?? true;
        var bySpelling = new Dictionary<string, ValueTally>(StringComparer.Ordinal);
        var byIdentity = new Dictionary<ValueIdentity, ValueTally>();
        foreach (var (run, text) in rows)
        {
            var runFacts = facts(run);
            if (!bySpelling.TryGetValue(text, out var tally))
            {
                var identity = ValueIdentity.Of(text);
                if (!byIdentity.TryGetValue(identity, out tally))
                {
                    byIdentity[identity] = tally = new ValueTally(identity.Number);
                }

                bySpelling[text] = tally;
            }

            tally.Add(text, runFacts, higher);
        }

        var tops = byIdentity.Values.Select(t => (Tally: t, Top: t.Top(MaxRunIdsPerValue, higher))).ToList();
        var briefs = Briefs(connection, tops.SelectMany(t => t.Top));
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
        Dictionary<long, bool>? candidates = null;
        foreach (var condition in conditions)
        {
            candidates = Narrow(connection, condition, candidates);
            if (candidates.Count == 0)
            {
                break;
            }
        }

        if (candidates is null || candidates.Count == 0)
        {
            return new FileResults(0, conditions.Count, null, [], []);
        }

        var facts = Facts(connection, [.. candidates.Keys], metric, runResults);
        var higher = metric?.HigherIsBetter ?? true;
        var runs = candidates.Keys.Select(facts).ToList();
        var best = RunRanking.Top(runs, MaxRunIdsPerValue, higher);
        var same = RunRanking.Top(runs.Where(r => candidates[r.RunKey]), MaxRunIdsPerValue, higher);
        var briefs = Briefs(connection, best.Concat(same));
        var bestRun = best.Count > 0 && best[0].Best is not null ? briefs[best[0].RunKey] : null;
        return new FileResults(runs.Count, conditions.Count, bestRun, best.ConvertAll(r => briefs[r.RunKey].Id), same.ConvertAll(r => briefs[r.RunKey]));
    }

    /// <summary>The runs of <paramref name="candidates"/> (all runs when null) that record the condition's key, each
    /// with whether every value so far equals the condition's. Few candidates are looked up by run; many are
    /// matched against the key's whole index range.</summary>
    private static Dictionary<long, bool> Narrow(SqliteConnection connection, ValueCondition condition, Dictionary<long, bool>? candidates)
    {
        using var command = connection.CreateCommand();
        var text = condition.Value.Trim();
        var number = condition.Source == ValueSource.Param ? ParamNumber.Parse(text) : null;

        // A text that is no number can only equal (case-blind) the text of a param that is none either, so both tests
        // read one of the (key, value) indexes alone.
        var equal = number is null ? $"{ValueColumn(condition.Source)} = $text COLLATE NOCASE" : "coalesce(num = $num, 0)";
        var byRun = candidates is { Count: <= DirectFactsLimit } ? " AND run IN (SELECT value FROM json_each($runs))" : "";
        command.CommandText = $"SELECT run, {equal} FROM {Table(condition.Source)} WHERE key = $key{byRun}";
        command.Parameters.AddWithValue("$key", condition.Key);
        command.Parameters.AddWithValue("$text", text);
        command.Parameters.AddWithValue("$num", (object?)number ?? DBNull.Value);
        if (byRun.Length > 0)
        {
            command.Parameters.AddWithValue("$runs", JsonSerializer.Serialize(candidates!.Keys));
        }

        var narrowed = new Dictionary<long, bool>(candidates?.Count ?? 0);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var run = reader.GetInt64(0);
            var same = reader.GetInt64(1) != 0;
            if (candidates is null)
            {
                narrowed[run] = same;
            }
            else if (candidates.TryGetValue(run, out var sameSoFar))
            {
                narrowed[run] = sameSoFar && same;
            }
        }

        return narrowed;
    }

    /// <summary>The facts of <paramref name="runs"/>: read by run key when they are few, else from the whole-index table.</summary>
    private static Func<long, RunFacts> Facts(SqliteConnection connection, List<long> runs, MetricChoice? metric, Func<RunResultTable>? runResults)
    {
        if (runs.Count > DirectFactsLimit)
        {
            var table = runResults?.Invoke() is { } given && Equals(given.Metric, metric) ? given : LoadRunResults(connection, metric);
            return table.Get;
        }

        using var command = connection.CreateCommand();
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
    private static Dictionary<long, RunBrief> Briefs(SqliteConnection connection, IEnumerable<RunFacts> runs)
    {
        var metrics = new Dictionary<long, double?>();
        foreach (var run in runs)
        {
            metrics[run.RunKey] = run.Best;
        }

        using var command = connection.CreateCommand();
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
