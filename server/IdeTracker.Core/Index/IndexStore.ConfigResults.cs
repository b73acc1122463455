using System.Globalization;
using System.Text;
using System.Text.Json;
using IdeTracker.Core.Configs;
using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Index;

/// <summary>What past runs did with the keys of a config file: the keys runs record, the values they set one key
/// to with the main metric's results, and the runs a whole file stands for. A run's result is its best value of
/// the main metric (its max, or its min when lower is better); NaN-only and missing metrics count as none.</summary>
public sealed partial class IndexStore
{
    /// <summary>Run ids listed per value (and per file), best first.</summary>
    public const int MaxRunIdsPerValue = 500;

    /// <summary>A run's best main-metric value, <c>v</c>, beside its key and start: one join per row.</summary>
    private const string BestOfRun = "CASE WHEN $higher THEN m.max ELSE m.min END";

    private const string BestFirst = "v IS NULL, v * $sign DESC, start DESC, run DESC";

    private const string FailedStatus = "r.status IN ('failed', 'killed')";

    /// <summary>Every param key with the number of runs recording it, most runs first.</summary>
    public IReadOnlyList<KeyRunCount> GetParamKeyCounts() => KeyCounts("params");

    /// <summary>Every tag key with the number of runs carrying it, most runs first.</summary>
    public IReadOnlyList<KeyRunCount> GetTagKeyCounts() => KeyCounts("tags");

    /// <summary>Every value runs set <paramref name="key"/> to, numbers equal as numbers ("0.001" and "1e-3" are one)
    /// and text case-blind, as filters compare them: numbers ascending, then text by name.</summary>
    public IReadOnlyList<ValueResult> GetValueResults(ValueSource source, string key, MetricChoice? metric)
    {
        var (table, text) = source == ValueSource.Param ? ("params", "p.text") : ("tags", "p.value");
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        BindMetric(command, metric);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$limit", MaxRunIdsPerValue);

        // One pass over the key's rows: totals per spelling, and each spelling's best runs. Spellings are merged
        // into values here, not in SQL: numbers spelled differently are one value, which GROUP BY cannot see.
        command.CommandText = $"""
            WITH k AS MATERIALIZED (
                SELECT p.run AS run, {text} AS text, {FailedStatus} AS failed, r.start_ms AS start, {BestOfRun} AS v
                FROM {table} p JOIN runs r ON r.run = p.run LEFT JOIN metric_summaries m ON m.run = p.run AND m.key = $metric
                WHERE p.key = $key),
            ranked AS (SELECT *, row_number() OVER (PARTITION BY text ORDER BY {BestFirst}) AS rank FROM k)
            SELECT 0, text, count(*), sum(failed), count(v), sum(v), max(v), min(v), NULL, NULL, NULL, NULL, NULL, NULL
            FROM k GROUP BY text
            UNION ALL
            SELECT 1, q.text, q.run, q.start, NULL, NULL, q.v, NULL, r.id, r.name, r.experiment, r.status, r.start_ms, r.end_ms
            FROM ranked q JOIN runs r ON r.run = q.run WHERE q.rank <= $limit
            """;
        var values = new Dictionary<ValueIdentity, ValueTally>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var spelling = reader.GetString(1);
                var identity = ValueIdentity.Of(spelling);
                if (!values.TryGetValue(identity, out var tally))
                {
                    values[identity] = tally = new ValueTally(identity.Number);
                }

                if (reader.GetInt32(0) == 0)
                {
                    tally.AddSpelling(spelling, reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
                        OptionalDouble(reader, 5), OptionalDouble(reader, 6), OptionalDouble(reader, 7), metric);
                }
                else
                {
                    tally.Ranked.Add(new RankedRun(reader.GetInt64(2), OptionalLong(reader, 3), ReadBrief(reader, 8, OptionalDouble(reader, 6))));
                }
            }
        }

        return [.. values.Values
            .OrderBy(v => v.Number is null)
            .ThenBy(v => v.Number)
            .ThenBy(v => v.Text, StringComparer.OrdinalIgnoreCase)
            .Select(v => v.ToResult(metric))];
    }

    /// <summary>The runs that record every key of <paramref name="conditions"/> (keys distinct), their best run
    /// and ids best first (at most <see cref="MaxRunIdsPerValue"/>), and, best first and as many, those whose values
    /// equal all of them. <paramref name="rarestFirst"/> is the condition whose key the fewest runs record: its runs
    /// are the only ones that can qualify, so they are the ones looked at.</summary>
    public FileResults GetFileResults(IReadOnlyList<ValueCondition> conditions, ValueCondition rarestFirst, MetricChoice? metric)
    {
        if (conditions.Count == 0)
        {
            return new FileResults(0, 0, null, [], []);
        }

        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        BindMetric(command, metric);
        command.Parameters.AddWithValue("$conditions", ConditionsJson(conditions));
        command.Parameters.AddWithValue("$driver", rarestFirst.Key);
        command.Parameters.AddWithValue("$n", conditions.Count);
        command.Parameters.AddWithValue("$limit", MaxRunIdsPerValue);
        var driverTable = rarestFirst.Source == ValueSource.Param ? "params" : "tags";
        command.CommandText = $"""
            WITH c AS (SELECT value ->> 0 AS tag, value ->> 1 AS key, value ->> 2 AS num, value ->> 3 AS text FROM json_each($conditions)),
            d AS (SELECT run FROM {driverTable} WHERE key = $driver),
            hits AS MATERIALIZED (
                SELECT run, sum(same) = $n AS same FROM (
                    SELECT p.run AS run,
                        CASE WHEN c.num IS NOT NULL THEN coalesce(p.num = c.num, 0) ELSE p.num IS NULL AND p.text = c.text COLLATE NOCASE END AS same
                    FROM d JOIN c ON c.tag = 0 JOIN params p ON p.run = d.run AND p.key = c.key
                    UNION ALL
                    SELECT t.run, t.value = c.text COLLATE NOCASE
                    FROM d JOIN c ON c.tag = 1 JOIN tags t ON t.run = d.run AND t.key = c.key)
                GROUP BY run HAVING count(*) = $n),
            scored AS (
                SELECT h.run AS run, h.same AS same, r.start_ms AS start, {BestOfRun} AS v
                FROM hits h JOIN runs r ON r.run = h.run LEFT JOIN metric_summaries m ON m.run = h.run AND m.key = $metric),
            ranked AS (
                SELECT *, row_number() OVER (ORDER BY {BestFirst}) AS rank,
                    row_number() OVER (PARTITION BY same ORDER BY {BestFirst}) AS same_rank
                FROM scored)
            SELECT (SELECT count(*) FROM hits), q.same, q.v, q.rank, r.id, r.name, r.experiment, r.status, r.start_ms, r.end_ms
            FROM ranked q JOIN runs r ON r.run = q.run
            WHERE q.rank <= $limit OR (q.same AND q.same_rank <= $limit)
            ORDER BY q.rank
            """;
        var total = 0;
        var best = new List<RunBrief>();
        var same = new List<RunBrief>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                total = reader.GetInt32(0);
                var brief = ReadBrief(reader, 4, OptionalDouble(reader, 2));
                if (reader.GetInt64(3) <= MaxRunIdsPerValue)
                {
                    best.Add(brief);
                }

                if (reader.GetBoolean(1) && same.Count < MaxRunIdsPerValue)
                {
                    same.Add(brief);
                }
            }
        }

        var bestRun = best.Count > 0 && best[0].Metric is not null ? best[0] : null;
        return new FileResults(total, conditions.Count, bestRun, best.ConvertAll(b => b.Id), same);
    }

    private static void BindMetric(SqliteCommand command, MetricChoice? metric)
    {
        var higher = metric?.HigherIsBetter ?? true;
        command.Parameters.AddWithValue("$metric", (object?)metric?.Key ?? DBNull.Value);
        command.Parameters.AddWithValue("$higher", higher);
        command.Parameters.AddWithValue("$sign", higher ? 1 : -1);
    }

    /// <summary>[tag (0 or 1), key, number or null, text] per condition. Infinities travel as numbers too large for a
    /// double, which SQLite reads back as infinity; JSON has no spelling of its own for them.</summary>
    private static string ConditionsJson(IReadOnlyList<ValueCondition> conditions)
    {
        var json = new StringBuilder("[");
        foreach (var condition in conditions)
        {
            var text = condition.Value.Trim();
            var number = condition.Source == ValueSource.Param ? ParamNumber.Parse(text) : null;
            json.Append(json.Length > 1 ? ",[" : "[")
                .Append(condition.Source == ValueSource.Tag ? '1' : '0').Append(',')
                .Append(JsonSerializer.Serialize(condition.Key)).Append(',')
                .Append(number switch
                {
                    null => "null",
                    double.PositiveInfinity => "9e999",
                    double.NegativeInfinity => "-9e999",
                    { } n => n.ToString("R", CultureInfo.InvariantCulture),
                })
                .Append(',').Append(JsonSerializer.Serialize(text)).Append(']');
        }

        return json.Append(']').ToString();
    }

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

    /// <summary>id, name, experiment, status, start, end from <paramref name="at"/> on.</summary>
    private static RunBrief ReadBrief(SqliteDataReader reader, int at, double? metric) => new(
        reader.GetString(at),
        reader.GetString(at + 1),
        ReadText(reader, at + 2),
        reader.GetString(at + 3),
        ReadTime(reader, at + 4),
        ReadTime(reader, at + 5),
        metric);

    private static double? OptionalDouble(SqliteDataReader reader, int at) => reader.IsDBNull(at) ? null : reader.GetDouble(at);

    private static long? OptionalLong(SqliteDataReader reader, int at) => reader.IsDBNull(at) ? null : reader.GetInt64(at);
}
