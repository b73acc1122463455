using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Index;

/// <summary>Reads of many runs named by id, each in a fixed number of queries whatever the number of runs:
/// the ids travel as one JSON array parameter (<c>json_each</c>), never spliced into the SQL.</summary>
public sealed partial class IndexStore
{
    private const string RunsNamed = "r.id IN (SELECT value FROM json_each($ids))";

    private const string RunKeysNamed = "WHERE run IN (SELECT r.run FROM runs r WHERE " + RunsNamed + ")";

    /// <summary>The details of every run of <paramref name="runIds"/> the index holds, in the order asked
    /// (each once), in seven queries.</summary>
    public IReadOnlyList<RunDetailsRow> GetRunDetailsByIds(IReadOnlyList<string> runIds, string? mainMetricKey)
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {RunRowColumns}, {DetailColumns} {RunsWithMainMetric} WHERE {RunsNamed}";
        AddIds(command, runIds);
        command.Parameters.AddWithValue("$metric", (object?)mainMetricKey ?? DBNull.Value);
        var byId = ReadRunDetails(command, RunKeysNamed).ToDictionary(parts => parts.Row.Run.Id, StringComparer.Ordinal);
        return [.. runIds.Distinct(StringComparer.Ordinal).Where(byId.ContainsKey).Select(id => byId[id].Row)];
    }

    /// <summary>The tree rows of every run of <paramref name="runIds"/> the index holds, in the order asked.</summary>
    public IReadOnlyList<RunRow> GetRunRowsByIds(IReadOnlyList<string> runIds, string? mainMetricKey)
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {RunRowColumns} {RunsWithMainMetric} WHERE {RunsNamed}";
        AddIds(command, runIds);
        command.Parameters.AddWithValue("$metric", (object?)mainMetricKey ?? DBNull.Value);
        var byId = new Dictionary<string, RunRow>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var row = ReadRunRow(reader);
                byId[row.Id] = row;
            }
        }

        return [.. runIds.Distinct(StringComparer.Ordinal).Where(byId.ContainsKey).Select(id => byId[id])];
    }

    /// <summary>Hands each stored series of <paramref name="keys"/> of <paramref name="runIds"/> to
    /// <paramref name="visit"/> as it is read (one query, in no particular order; a (run, key) the index does
    /// not hold is simply absent), so a caller can work on one while the next is read. The blob is only
    /// valid during the call. Decode it with <see cref="SeriesBlob"/>.</summary>
    public void ForEachSeriesBlob(IReadOnlyList<string> runIds, IReadOnlyList<string> keys, SeriesBlobVisitor visit, CancellationToken cancellationToken)
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT r.id, s.key, s.blob FROM runs r JOIN metric_series s ON s.run = r.run
            WHERE {RunsNamed} AND s.key IN (SELECT value FROM json_each($keys))
            """;
        AddIds(command, runIds);
        command.Parameters.AddWithValue("$keys", JsonSerializer.Serialize(keys));
        using var reader = command.ExecuteReader();
        byte[] buffer = [];
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = (int)reader.GetBytes(2, 0, null, 0, 0);
            if (buffer.Length < length)
            {
                buffer = new byte[Math.Max(length, buffer.Length * 2)];
            }

            reader.GetBytes(2, 0, buffer, 0, length);
            visit(reader.GetString(0), reader.GetString(1), buffer.AsSpan(0, length));
        }
    }

    /// <summary>The star and user tags of those of <paramref name="runIds"/> that have an annotation, by run id.</summary>
    public IReadOnlyDictionary<string, RunAnnotationMark> GetAnnotationMarks(IReadOnlyList<string> runIds)
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        AddIds(command, runIds);
        var starred = new Dictionary<string, bool>(StringComparer.Ordinal);
        command.CommandText = "SELECT run_id, starred FROM annotations WHERE run_id IN (SELECT value FROM json_each($ids))";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                starred[reader.GetString(0)] = reader.GetInt64(1) != 0;
            }
        }

        var tags = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        command.CommandText = "SELECT run_id, tag FROM annotation_tags WHERE run_id IN (SELECT value FROM json_each($ids)) ORDER BY run_id, tag";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!tags.TryGetValue(id, out var list))
                {
                    tags[id] = list = [];
                }

                list.Add(reader.GetString(1));
            }
        }

        return starred.Keys.Union(tags.Keys).ToDictionary(
            id => id,
            id => new RunAnnotationMark(id, starred.GetValueOrDefault(id), tags.TryGetValue(id, out var t) ? t : []),
            StringComparer.Ordinal);
    }

    /// <summary>Every run of one experiment of a store (only those <paramref name="filter"/> selects, when
    /// given), child runs included, with its params, by start time (runs without one last), then name and id.</summary>
    public IReadOnlyList<RunParamsRow> GetExperimentRunParams(string storeKey, string? experiment, Queries.CompiledFilter? filter = null)
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$store", storeKey);
        command.Parameters.AddWithValue("$experiment", (object?)experiment ?? DBNull.Value);
        filter?.Bind(command);
        command.CommandText = $"""
            SELECT r.run, r.id, r.source, r.start_ms, r.label FROM runs r
            WHERE r.store_key = $store AND r.experiment IS $experiment AND {filter?.Sql ?? "1"}
            ORDER BY r.start_ms IS NULL, r.start_ms, r.name, r.id
            """;
        var runs = new List<(long Key, string Id, string Source, DateTimeOffset? Start, string? Label)>();
        var paramsByKey = new Dictionary<long, Dictionary<string, string>>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                runs.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), ReadTime(reader, 3), ReadText(reader, 4)));
                paramsByKey[reader.GetInt64(0)] = new Dictionary<string, string>(StringComparer.Ordinal);
            }
        }

        if (filter is null)
        {
            Fill(command, """
                SELECT p.run, p.key, p.text FROM params p JOIN runs r ON r.run = p.run
                WHERE r.store_key = $store AND r.experiment IS $experiment
                """, run => paramsByKey[run]);
        }
        else
        {
            // The filter is worked out once, above: the params of the runs it selected are read by key.
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$runs", JsonSerializer.Serialize(runs.ConvertAll(r => r.Key)));
            Fill(command, "SELECT p.run, p.key, p.text FROM params p WHERE p.run IN (SELECT value FROM json_each($runs))", run => paramsByKey[run]);
        }

        return runs.ConvertAll(r => new RunParamsRow(r.Id, r.Source, r.Start, r.Label, paramsByKey[r.Key]));
    }

    private static void AddIds(SqliteCommand command, IReadOnlyList<string> runIds) =>
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(runIds));
}
