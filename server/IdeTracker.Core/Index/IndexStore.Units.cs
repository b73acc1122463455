using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Index;

/// <summary>Bookkeeping for incremental scans: which units are indexed, with which file stamps, and the
/// writes that replace or remove them.</summary>
public sealed partial class IndexStore
{
    private const string UnitStateQuery = """
        SELECT u.path, u.format, u.store_path, u.fingerprint, u.file_count FROM units u
        """;

    /// <summary>Every indexed unit by its absolute path.</summary>
    public IReadOnlyDictionary<string, UnitState> LoadUnits()
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = UnitStateQuery + " ORDER BY u.id";
        var units = new Dictionary<string, UnitState>(StringComparer.Ordinal);
        ReadUnitStates(command, units);
        return units;
    }

    /// <summary>The indexed units among <paramref name="unitPaths"/>; paths that are not indexed are left out.</summary>
    public IReadOnlyDictionary<string, UnitState> LoadUnits(IEnumerable<string> unitPaths)
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = UnitStateQuery + " WHERE u.path = $path";
        var path = command.Parameters.Add("$path", SqliteType.Text);
        var units = new Dictionary<string, UnitState>(StringComparer.Ordinal);
        foreach (var unitPath in unitPaths)
        {
            path.Value = unitPath;
            ReadUnitStates(command, units);
        }

        return units;
    }

    /// <summary>Paths of the indexed units a change at <paramref name="path"/> may concern: the unit at that
    /// path, units below it (a removed folder), units above it (a file inside a unit), and units that
    /// stamped that very file (a file of the store that several units depend on).</summary>
    public IReadOnlyList<string> FindUnitPathsRelatedTo(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT path FROM units WHERE path = $path OR (path > $below AND path < $after)
            UNION SELECT u.path FROM files f JOIN units u ON u.id = f.unit WHERE f.path = $path
            """;
        var pathParameter = command.Parameters.AddWithValue("$path", full);
        command.Parameters.AddWithValue("$below", full + Path.DirectorySeparatorChar);
        command.Parameters.AddWithValue("$after", full + (char)(Path.DirectorySeparatorChar + 1));
        var found = new SortedSet<string>(StringComparer.Ordinal);
        ReadStrings(command, found);

        command.CommandText = "SELECT path FROM units WHERE path = $path";
        for (var parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            pathParameter.Value = parent;
            ReadStrings(command, found);
        }

        return [.. found];
    }

    /// <summary>Paths of the units whose runs are being written: a run whose status is not final and a file of
    /// whose unit was written at or after <paramref name="since"/> (as <see cref="RunRow.IsLive"/> has it). Most
    /// recently written first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<string> FindLiveUnitPaths(DateTimeOffset since, int limit)
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT u.path FROM units u
            WHERE u.max_mtime >= $since AND u.id IN (SELECT r.unit FROM runs r WHERE r.status IN ('running', 'unknown'))
            ORDER BY u.max_mtime DESC, u.path LIMIT $limit
            """;
        command.Parameters.AddWithValue("$since", since.UtcTicks);
        command.Parameters.AddWithValue("$limit", limit);
        var paths = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            paths.Add(reader.GetString(0));
        }

        return paths;
    }

    /// <summary>Units holding a run that says it is running although none of their files changed for
    /// <paramref name="quiet"/>, and that were last read before they had been quiet that long: their readers may now
    /// call such a run killed (W&amp;B and Sacred judge a silent run by how long it has been silent), which only a
    /// new read can tell, since no file will change again. Each unit comes up once per quiet spell.</summary>
    public IReadOnlyList<string> FindStaleRunningUnits(DateTimeOffset now, TimeSpan quiet)
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT u.path FROM units u
            WHERE u.max_mtime < $quietSince AND u.read_ticks < u.max_mtime + $quiet
              AND EXISTS (SELECT 1 FROM runs r WHERE r.unit = u.id AND r.status = 'running')
            ORDER BY u.path
            """;
        command.Parameters.AddWithValue("$quietSince", (now - quiet).UtcTicks);
        command.Parameters.AddWithValue("$quiet", quiet.Ticks);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        ReadStrings(command, paths);
        return [.. paths];
    }

    /// <summary>Ids of the runs that stopped being live between <paramref name="from"/> and <paramref name="to"/>:
    /// their status is not final and their unit's newest file fell out of the live window in that time. Nothing on
    /// disk changes when that happens, so the tree hears of it from the server's housekeeping.</summary>
    public IReadOnlyList<string> FindRunsLeavingLive(DateTimeOffset from, DateTimeOffset to, TimeSpan liveWindow)
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.id FROM runs r JOIN units u ON u.id = r.unit
            WHERE r.status IN ('running', 'unknown') AND u.max_mtime >= $after AND u.max_mtime < $before
            ORDER BY r.id
            """;
        command.Parameters.AddWithValue("$after", (from - liveWindow).UtcTicks);
        command.Parameters.AddWithValue("$before", (to - liveWindow).UtcTicks);
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        ReadStrings(command, ids);
        return [.. ids];
    }

    /// <summary>Replaces, in one transaction, everything indexed for each unit of the batch by what was
    /// just read. A run whose id another unit already holds is skipped and recorded as a problem.</summary>
    public IndexWriteResult WriteUnits(IReadOnlyList<(RunUnit Unit, UnitReadResult Result)> batch) =>
        Write(w => w.Write(batch));

    /// <summary>Prepares for writing many units: drops the indexes on param and metric values until the
    /// returned scope is disposed, which rebuilds them in one pass — much faster than keeping them up to
    /// date row by row. Queries still work meanwhile, only slower. An interrupted load is healed at the
    /// next open.</summary>
    public IDisposable BeginBulkLoad()
    {
        Write(_ => IndexSchema.DropValueIndexes(writer));
        return new BulkLoadScope(this);
    }

    /// <summary>Forgets the units at these paths and everything read from them; returns the ids of the
    /// runs that were removed.</summary>
    public IReadOnlyCollection<string> RemoveUnits(IReadOnlyCollection<string> unitPaths) =>
        Write(w => w.Remove(unitPaths));

    /// <summary>Replaces the problems discovery found (those not tied to a unit).</summary>
    public void ReplaceScanProblems(IReadOnlyList<Problem> problems) =>
        Write(w => w.ReplaceScanProblems(problems));

    private static void ReadUnitStates(SqliteCommand command, Dictionary<string, UnitState> into)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            into[reader.GetString(0)] = new UnitState(reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt32(4));
        }
    }

    private static void ReadStrings(SqliteCommand command, ISet<string> into)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            into.Add(reader.GetString(0));
        }
    }

    private sealed class BulkLoadScope(IndexStore store) : IDisposable
    {
        private bool ended;

        public void Dispose()
        {
            if (!ended)
            {
                ended = true;
                store.Write(_ => IndexSchema.CreateValueIndexes(store.writer));
            }
        }
    }
}
