using IdeTracker.Core;
using IdeTracker.Core.Discovery;
using IdeTracker.Core.Index;
using IdeTracker.Core.Indexing;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Server.Cli;

/// <summary><c>scan &lt;folder&gt;</c>: index the folder (incrementally, in the CLI's own cache) and list its
/// runs. Problems go to stderr, located; the exit code is 0 whenever the scan completed.</summary>
public static class ScanCommand
{
    public static int Run(ScanArguments args, TextWriter output, TextWriter error)
    {
        using var store = OpenAndIndex(args, error, out var result, out var databasePath);
        var choice = PrimaryMetric.Choose(store.GetMetricKeyCounts(), args.Metric, args.Direction);
        var runs = store.GetAllRunDetails(choice?.Key);
        if (args.Json)
        {
            ScanJson.Write(output, runs, args.Folder);
        }
        else
        {
            ScanTable.Write(output, runs, choice, DateTimeOffset.UtcNow);
            error.WriteLine($"{Labels.Count(runs.Count, "run")} in {Labels.Duration(result.Elapsed)} ({Labels.Count(result.UnitsRead, "folder")} read, index {databasePath})");
        }

        return 0;
    }

    /// <summary>Opens the folder's index and brings it up to date, its problems written to <paramref name="error"/>.</summary>
    internal static IndexStore OpenAndIndex(ScanArguments args, TextWriter error, out IndexResult result, out string databasePath)
    {
        databasePath = args.IndexPath ?? IndexStore.DefaultCliPath(args.Folder);
        var store = IndexStore.Open(Path.GetFullPath(databasePath), args.Folder, message => error.WriteLine(message));
        try
        {
            var indexer = Engine.CreateIndexer(store, new DiscoveryOptions { ExcludeGlobs = args.Excludes });
            result = indexer.IndexWorkspace(args.Folder, null, CancellationToken.None);
            foreach (var problem in store.GetProblems())
            {
                error.WriteLine(problem.Format(args.Folder));
            }

            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}
