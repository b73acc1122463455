using System.Diagnostics;
using IdeTracker.Core.Index;
using IdeTracker.Core.Readers;
using Microsoft.Data.Sqlite;

namespace IdeTracker.Bench.Measurement;

/// <summary>The indexes the in-process measurements write straight through the store's writer (writing run folders
/// and scanning them would take minutes and measure the readers, not the queries), kept in the bench's out folder.</summary>
internal static class BenchIndex
{
    /// <summary>Writes the index unless one holding <paramref name="runs"/> runs is there; the seconds it took, or 0 when reused.</summary>
    public static double Ensure(string name, string indexPath, string workspace, int runs, Action<IndexStore> write)
    {
        using (var existing = IndexStore.Open(indexPath, workspace))
        {
            if (existing.GetCounts(DateTimeOffset.UtcNow, TimeSpan.Zero).Runs == runs)
            {
                Console.Error.WriteLine($"[{name}] reusing {runs:N0} runs in {indexPath}");
                return 0;
            }
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(indexPath + suffix);
        }

        var clock = Stopwatch.StartNew();
        using (var store = IndexStore.Open(indexPath, workspace))
        {
            write(store);
        }

        Console.Error.WriteLine($"[{name}] wrote {runs:N0} runs into {indexPath} ({clock.Elapsed.TotalSeconds:F1} s)");
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Writes runs 0 … <paramref name="runs"/> − 1 as <paramref name="runAt"/> makes them, in batches of 2,000
    /// inside one bulk load (value indexes built once at the end), as a scan of many run folders writes them.</summary>
    public static void WriteRuns(IndexStore store, int runs, Func<string, int, (RunUnit, UnitReadResult)> runAt)
    {
        const int Batch = 2_000;
        using var bulk = store.BeginBulkLoad();
        for (var from = 0; from < runs; from += Batch)
        {
            var batch = new List<(RunUnit, UnitReadResult)>(Batch);
            for (var i = from; i < Math.Min(runs, from + Batch); i++)
            {
                batch.Add(runAt(store.WorkspaceRoot, i));
            }

            store.WriteUnits(batch);
        }
    }

    /// <summary>The nearest-rank percentile of <paramref name="values"/> (any order).</summary>
    public static double Percentile(IEnumerable<double> values, int percent)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
