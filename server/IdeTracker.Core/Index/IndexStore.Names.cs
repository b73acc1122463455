namespace IdeTracker.Core.Index;

/// <summary>Reads that find runs by what they are called or when they started, each in one query whatever
/// the size of the workspace; the names are handed over one at a time, never collected here.</summary>
public sealed partial class IndexStore
{
    /// <summary>Hands every run's names to <paramref name="visit"/>, in no particular order (sorting 100,000 runs
    /// would cost more than reading them).</summary>
    public void ForEachRunName(Action<RunNameRow> visit, CancellationToken cancellationToken = default)
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.id, r.native_id, r.name, r.experiment, r.store_key, r.directory, r.start_ms FROM runs r
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            visit(new RunNameRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                ReadText(reader, 3),
                reader.GetString(4),
                reader.GetString(5),
                ReadTime(reader, 6)));
        }
    }

    /// <summary>The id of the run that started last (ties by name, id); null when the index has no run with a start time.</summary>
    public string? GetMostRecentRunId()
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.id FROM runs r ORDER BY r.start_ms IS NULL, r.start_ms DESC, r.name DESC, r.id DESC LIMIT 1
            """;
        return command.ExecuteScalar() as string;
    }

    /// <summary>The run that started just before <paramref name="run"/>: in its store's experiment when
    /// <paramref name="sameExperiment"/>, else anywhere in the workspace. Null when the run has no start time or
    /// nothing started before it.</summary>
    public string? FindRunStartedBefore(RunRow run, bool sameExperiment)
    {
        if (run.StartTime is not { } start)
        {
            return null;
        }

        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        var scope = sameExperiment ? "r.store_key = $store AND r.experiment IS $experiment AND" : "";
        command.CommandText = $"""
            SELECT r.id FROM runs r WHERE {scope} r.start_ms < $start AND r.id <> $id
            ORDER BY r.start_ms DESC, r.name DESC, r.id DESC LIMIT 1
            """;
        command.Parameters.AddWithValue("$store", run.StoreKey);
        command.Parameters.AddWithValue("$experiment", (object?)run.Experiment ?? DBNull.Value);
        command.Parameters.AddWithValue("$start", start.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$id", run.Id);
        return command.ExecuteScalar() as string;
    }
}
