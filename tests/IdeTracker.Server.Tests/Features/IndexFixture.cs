using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace IdeTracker.Server.Tests.Features;

/// <summary>A real index file in a scratch folder, filled with runs built in code through the store's own
/// writer, for builder tests that need exact params and metrics.</summary>
public sealed class IndexFixture : IDisposable
{
    public const long StartMs = 1_700_000_000_000;
    public const string StoreKey = "mlflow:mlruns";

    private readonly TempDirectory _temp = new();

    public IndexFixture()
    {
        Workspace = _temp.Combine("ws");
        Store = IndexStore.Open(_temp.Combine("cache", "index.db"), Workspace, Log.Add);
    }

    public string Workspace { get; }

    public IndexStore Store { get; }

    public List<string> Log { get; } = [];

    /// <summary>An MLflow-like run of <paramref name="experiment"/> starting <paramref name="startOffsetMs"/>
    /// after <see cref="StartMs"/>, with no params, metrics or tags until the caller adds them.</summary>
    public Run NewRun(string nativeId, string? experiment = "Default", long startOffsetMs = 0, string source = "mlflow", string? label = null, string? parentNativeId = null, string? gitCommit = null, bool? gitDirty = null)
    {
        var storePath = Path.Combine(Workspace, "mlruns");
        return new Run
        {
            Id = RunIds.Make(source, "mlruns", nativeId),
            Source = source,
            NativeId = nativeId,
            StorePath = storePath,
            ExperimentId = "0",
            Experiment = experiment,
            Name = "run-" + nativeId,
            ParentId = parentNativeId is null ? null : RunIds.Make(source, "mlruns", parentNativeId),
            Status = RunStatus.Finished,
            StartTime = DateTimeOffset.FromUnixTimeMilliseconds(StartMs + startOffsetMs),
            Directory = Path.Combine(storePath, "0", nativeId),
            Label = label,
            GitCommit = gitCommit,
            GitDirty = gitDirty,
        };
    }

    /// <summary>Writes each run as its own unit, as a scan of MLflow run folders does.</summary>
    public void Write(params Run[] runs)
    {
        var batch = runs.Select(run =>
        {
            var unit = new RunUnit(UnitFormats.MlflowFileRun, run.Directory, run.StorePath, Workspace);
            var result = new UnitReadResult();
            result.Runs.Add(run);
            return (unit, result);
        }).ToList();
        Store.WriteUnits(batch);
    }

    /// <summary>Runs <paramref name="sql"/> on a connection outside the store's pool (to add annotations, damage blobs).</summary>
    public void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Store.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    public static List<MetricPoint> Points(params double[] values) =>
        [.. values.Select((v, i) => new MetricPoint(i, StartMs + (i * 1000), v))];

    public void Dispose()
    {
        Store.Dispose();
        _temp.Dispose();
    }
}
