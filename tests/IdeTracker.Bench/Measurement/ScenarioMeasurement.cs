using System.Diagnostics;
using IdeTracker.Bench.Engine;

namespace IdeTracker.Bench.Measurement;

/// <summary>What a child process does for one scenario: the cat baseline, then a cold index into a fresh
/// index file, then a warm re-scan of the unchanged workspace with that same file.</summary>
internal static class ScenarioMeasurement
{
    public static ScenarioResult Run(BenchScenario scenario, CancellationToken cancellationToken)
    {
        var root = scenario.WorkspaceRoot;
        Log(scenario, "reading every file once to warm the page cache (not measured)");
        CatBaseline.ReadEverything(root);
        var cat = CatBaseline.ReadEverything(root);
        Log(scenario, $"cat: {cat.Files:N0} files, {cat.Elapsed.TotalSeconds:F2} s");

        DeleteIndex(scenario.IndexPath);
        var perPhase = PeakRss.Reset();
        var clock = Stopwatch.StartNew();
        var cold = EngineFacade.Index(root, scenario.IndexPath, cancellationToken);
        var coldSeconds = clock.Elapsed.TotalSeconds;
        var coldRss = PeakRss.ReadMegabytes();
        Log(scenario, $"cold index: {cold.RunsWritten:N0} runs, {coldSeconds:F2} s");

        perPhase &= PeakRss.Reset();
        clock.Restart();
        var warm = EngineFacade.Index(root, scenario.IndexPath, cancellationToken);
        var warmSeconds = clock.Elapsed.TotalSeconds;
        var warmRss = PeakRss.ReadMegabytes();
        Log(scenario, $"warm re-scan: {warm.UnitsRead:N0} units read, {warmSeconds:F3} s");

        return new ScenarioResult(
            scenario.Name,
            scenario.ExpectedRuns,
            Environment.ProcessorCount,
            cat.Files,
            cat.Bytes,
            cat.Elapsed.TotalSeconds,
            coldSeconds,
            cold.Elapsed.TotalSeconds,
            cold.UnitsSeen,
            cold.UnitsRead,
            cold.RunsWritten,
            warmSeconds,
            warm.Elapsed.TotalSeconds,
            warm.UnitsSeen,
            warm.UnitsRead,
            warm.RunsWritten,
            coldRss,
            warmRss,
            perPhase);
    }

    /// <summary>A cold index starts from no file at all, WAL and shared-memory files included.</summary>
    private static void DeleteIndex(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        foreach (var suffix in (string[])["", "-wal", "-shm", "-journal"])
        {
            File.Delete(databasePath + suffix);
        }
    }

    private static void Log(BenchScenario scenario, string message) => Console.Error.WriteLine($"[{scenario.Name}] {message}");
}
