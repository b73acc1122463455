using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Tests.Index;

/// <summary>Runs and units built in code for index tests, and a raw look into the database file.</summary>
internal static class TestRuns
{
    public const long StartMs = 1_700_000_000_000;

    public static RunUnit Unit(string workspace, string nativeId, string store = "mlruns", string experimentId = "0") =>
        new(UnitFormats.MlflowFileRun, Path.Combine(workspace, store, experimentId, nativeId), Path.Combine(workspace, store), workspace);

    /// <summary>A run of <paramref name="unit"/> with one param and one metric; <paramref name="startOffsetMs"/>
    /// orders runs in time.</summary>
    public static Run Run(
        RunUnit unit,
        string nativeId,
        string? experiment = "Default",
        long startOffsetMs = 0,
        string? parentNativeId = null,
        string? name = null)
    {
        var storeRel = PathText.RelativeOrSelf(unit.WorkspaceRoot, unit.StorePath);
        var run = new Run
        {
            Id = RunIds.Make("mlflow", storeRel, nativeId),
            Source = "mlflow",
            NativeId = nativeId,
            StorePath = unit.StorePath,
            ExperimentId = "0",
            Experiment = experiment,
            Name = name ?? "run-" + nativeId,
            ParentId = parentNativeId is null ? null : RunIds.Make("mlflow", storeRel, parentNativeId),
            Status = RunStatus.Finished,
            StartTime = DateTimeOffset.FromUnixTimeMilliseconds(StartMs + startOffsetMs),
            Directory = unit.Path,
        };
        run.Params["lr"] = "0.01";
        run.Metrics["val_acc"] = [new MetricPoint(0, StartMs, 0.5), new MetricPoint(1, StartMs + 1000, 0.75)];
        return run;
    }

    public static UnitReadResult Result(params Run[] runs)
    {
        var result = new UnitReadResult();
        result.Runs.AddRange(runs);
        return result;
    }

    public static (RunUnit Unit, UnitReadResult Result) OneRun(string workspace, string nativeId, long startOffsetMs = 0)
    {
        var unit = Unit(workspace, nativeId);
        return (unit, Result(Run(unit, nativeId, startOffsetMs: startOffsetMs)));
    }

    public static IndexStore OpenStore(TempDirectory temp, List<string>? log = null) =>
        IndexStore.Open(temp.Combine("cache", "index.db"), temp.Combine("ws"), log is null ? null : log.Add);

    /// <summary>A connection outside the store's pool, for checking or damaging the file.</summary>
    public static SqliteConnection OpenRaw(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public static long Count(string databasePath, string sql)
    {
        using var connection = OpenRaw(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
