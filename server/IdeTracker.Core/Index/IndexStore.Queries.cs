using System.Text.Json;
using IdeTracker.Core.Queries;
using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Index;

/// <summary>Runs selected by a filter expression (<see cref="FilterCompiler"/>) and sorted (<see cref="SortCompiler"/>).
/// Names resolve against the param and metric keys the index holds, read once per write generation.</summary>
public sealed partial class IndexStore
{
    private CatalogAtGeneration? catalog;

    /// <summary>Every param key and metric key in the index. Cached until the next write.</summary>
    public FilterCatalog GetFilterCatalog()
    {
        var current = Interlocked.Read(ref generation);
        if (Volatile.Read(ref catalog) is { } cached && cached.Generation == current)
        {
            return cached.Catalog;
        }

        using var connection = OpenRead();
        var fresh = FilterCatalog.Of(DistinctKeys(connection, "params", "params_key_num"), DistinctKeys(connection, "metric_summaries", "metric_summaries_key_last"));
        Volatile.Write(ref catalog, new CatalogAtGeneration(current, fresh));
        return fresh;
    }

    /// <summary>Compiles <paramref name="filter"/> against this index's names; throws <see cref="FilterException"/>.</summary>
    public CompiledFilter CompileFilter(string? filter, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(filter) ? CompiledFilter.All : FilterCompiler.Compile(filter, GetFilterCatalog(), now);

    /// <summary>One page of the runs <paramref name="filter"/> selects (child runs too, flat), sorted by
    /// <paramref name="sort"/>, with the total that matched. <paramref name="limit"/> 0 only counts.
    /// <paramref name="now"/> is what <c>since:7d</c> counts back from. Throws <see cref="FilterException"/>.</summary>
    public Page<RunRow> QueryRuns(string? filter, string? sort, int offset, int limit, string? mainMetricKey, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var where = CompileFilter(filter, now);
        var order = SortCompiler.Compile(sort, GetFilterCatalog());
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        where.Bind(command);
        order.Bind(command);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);

        // The page's keys first, then its columns: sorting narrow rows and reading the wide ones (child counts,
        // the main metric) for this page alone keeps a query over 100,000 runs in milliseconds.
        if (limit == 0 || ReferenceEquals(where, CompiledFilter.All))
        {
            // Counting every run is cheap, and a window over all of them would cost more than it saves.
            command.CommandText = $"SELECT count(*) FROM runs r WHERE {where.Sql}";
            var all = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (limit == 0 || offset >= all)
            {
                return new Page<RunRow>([], all, offset);
            }

            var within = order.Seek is { } seek && SeekBound(command, seek, offset + limit) is { } bound
                ? $"{seek.Value} {(seek.Descending ? ">=" : "<=")} {bound}"
                : "1";
            command.CommandText = $"SELECT r.run FROM runs r {order.Join} WHERE {within} ORDER BY {order.OrderBy} LIMIT $limit OFFSET $offset";
            return new Page<RunRow>(ReadRunRows(connection, ReadKeys(command), mainMetricKey), all, offset);
        }

        // A filter's count comes from the same pass as its page: the matches, with the values they sort on, are
        // written once to a temporary table that is counted and then sorted. Evaluating the filter twice would
        // double its cost, and a window count makes SQLite sort every match whole where a page needs only the top.
        command.CommandText = $"""
            WITH m AS MATERIALIZED (SELECT r.run, {order.KeyColumns} FROM runs r {order.Join} WHERE {where.Sql})
            SELECT run, (SELECT count(*) FROM m) FROM m ORDER BY {order.OrderByKeyColumns} LIMIT $limit OFFSET $offset
            """;
        var keys = new List<long>();
        var total = 0;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                keys.Add(reader.GetInt64(0));
                total = reader.GetInt32(1);
            }
        }

        if (keys.Count == 0)
        {
            command.CommandText = $"SELECT count(*) FROM runs r WHERE {where.Sql}";
            total = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return new Page<RunRow>(ReadRunRows(connection, keys, mainMetricKey), total, offset);
    }

    /// <summary>The <paramref name="count"/>-th value of <paramref name="seek"/>'s column among runs, in the sort's
    /// direction, bound as <c>$bound</c>: read off the (key, value) index in a few hundred steps. Null when fewer
    /// runs have a value, and the sort must read them all. Sorting every run by a param costs a probe of its params
    /// per run; the runs at or before the bound are all the first page can hold.</summary>
    private static string? SeekBound(SqliteCommand command, SortSeek seek, int count)
    {
        command.Parameters.AddWithValue("$rank", count - 1);
        command.CommandText = $"""
            SELECT {seek.Value} FROM {seek.Table} {seek.Alias} JOIN runs r ON r.run = {seek.Alias}.run
            WHERE {seek.Alias}.key = $s0 AND {seek.Value} IS NOT NULL
            ORDER BY {seek.Value} {(seek.Descending ? "DESC" : "ASC")} LIMIT 1 OFFSET $rank
            """;
        var value = command.ExecuteScalar();
        if (value is null or DBNull)
        {
            return null;
        }

        command.Parameters.AddWithValue("$bound", Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
        return "$bound";
    }

    /// <summary>The rows of <paramref name="keys"/>, in that order.</summary>
    private static List<RunRow> ReadRunRows(SqliteConnection connection, List<long> keys, string? mainMetricKey)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT r.run, {RunRowColumns} {RunsWithMainMetric} WHERE r.run IN (SELECT value FROM json_each($runs))";
        command.Parameters.AddWithValue("$runs", JsonSerializer.Serialize(keys));
        command.Parameters.AddWithValue("$metric", (object?)mainMetricKey ?? DBNull.Value);
        var byKey = new Dictionary<long, RunRow>(keys.Count);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                byKey[reader.GetInt64(0)] = ReadRunRow(reader, 1);
            }
        }

        return keys.ConvertAll(key => byKey[key]);
    }

    private static List<long> ReadKeys(SqliteCommand command)
    {
        var keys = new List<long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys.Add(reader.GetInt64(0));
        }

        return keys;
    }

    /// <summary>Everything but series of the runs <paramref name="filter"/> selects, in <paramref name="sort"/>'s
    /// order, at most <paramref name="limit"/> of them (null: all). Throws <see cref="FilterException"/>.</summary>
    public IReadOnlyList<RunDetailsRow> QueryRunDetails(string? filter, string? sort, int? limit, string? mainMetricKey, DateTimeOffset now)
    {
        var where = CompileFilter(filter, now);
        var order = SortCompiler.Compile(sort, GetFilterCatalog());
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        where.Bind(command);
        order.Bind(command);
        command.Parameters.AddWithValue("$metric", (object?)mainMetricKey ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit ?? -1);
        command.CommandText = $"""
            SELECT {RunRowColumns}, {DetailColumns} {RunsWithMainMetric} {order.Join} WHERE {where.Sql}
            ORDER BY {order.OrderBy} LIMIT $limit
            """;
        // The selected runs' keys travel as one JSON array parameter, never as SQL text.
        return ReadRunDetails(command, "WHERE run IN (SELECT value FROM json_each($runs))", (c, keys) =>
        {
            c.Parameters.Clear();
            c.Parameters.AddWithValue("$runs", JsonSerializer.Serialize(keys));
        }).ConvertAll(parts => parts.Row);
    }

    /// <summary>One page of the runs of an experiment that <paramref name="filter"/> selects, flat (child runs
    /// included, wherever their parent is), newest first.</summary>
    public Page<RunRow> GetMatchingRuns(string storeKey, string? experiment, CompiledFilter filter, int offset, int limit, string? mainMetricKey)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        const string InExperiment = "r.store_key = $store AND r.experiment IS $experiment";
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        filter.Bind(command);
        command.Parameters.AddWithValue("$store", storeKey);
        command.Parameters.AddWithValue("$experiment", (object?)experiment ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        command.CommandText = $"SELECT count(*) FROM runs r WHERE {InExperiment} AND {filter.Sql}";
        var total = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = $"""
            SELECT r.run FROM runs r WHERE {InExperiment} AND {filter.Sql}
            ORDER BY {CompiledSort.Tiebreak} LIMIT $limit OFFSET $offset
            """;
        return new Page<RunRow>(ReadRunRows(connection, ReadKeys(command), mainMetricKey), total, offset);
    }

    /// <summary>The distinct values of <c>key</c> in <paramref name="table"/>. With the (key, …) index in place
    /// it hops from key to key (one index seek each) instead of reading every row: a 100,000-run index holds a
    /// million param rows but a few dozen keys. Without it (a bulk load under way) it reads the table.</summary>
    private static List<string> DistinctKeys(SqliteConnection connection, string table, string keyIndex)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = $index";
        command.Parameters.AddWithValue("$index", keyIndex);
        var indexed = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        command.CommandText = indexed
            ? $"""
              WITH RECURSIVE k(key) AS (
                  SELECT (SELECT min(key) FROM {table})
                  UNION ALL SELECT (SELECT min(key) FROM {table} WHERE key > k.key) FROM k WHERE k.key IS NOT NULL)
              SELECT key FROM k WHERE key IS NOT NULL
              """
            : $"SELECT DISTINCT key FROM {table}";
        var keys = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private sealed record CatalogAtGeneration(long Generation, FilterCatalog Catalog);
}
