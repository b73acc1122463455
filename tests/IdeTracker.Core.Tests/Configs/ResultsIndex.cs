using IdeTracker.Core.Configs;
using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Configs;

/// <summary>A real SQLite index of generated runs and the <see cref="ConfigResults"/> over it, with the index
/// version and main metric in the test's hands. Every run written here is generated.</summary>
public sealed class ResultsIndex : IDisposable
{
    public static readonly MetricChoice ValAcc = new("val_acc", HigherIsBetter: true, Configured: false);
    public static readonly MetricChoice ValLoss = new("val_loss", HigherIsBetter: false, Configured: false);

    private readonly TempDirectory temp = new();
    private readonly List<(RunUnit, UnitReadResult)> pending = [];
    private int version;
    private int written;

    public ResultsIndex()
    {
        Store = IndexStore.Open(temp.Combine("cache", "index.db"), temp.Combine("ws"));
        Results = new ConfigResults(Store, () => Metric, () => Volatile.Read(ref version));
    }

    public IndexStore Store { get; }

    public ConfigResults Results { get; }

    public MetricChoice? Metric { get; set; } = ValAcc;

    /// <summary>Queues a run; <see cref="Flush"/> writes the queue. Metrics are series of values at steps 0, 1, ….</summary>
    public string Add(
        IReadOnlyDictionary<string, string> parameters,
        IReadOnlyDictionary<string, double[]>? metrics = null,
        RunStatus status = RunStatus.Finished,
        IReadOnlyDictionary<string, string>? tags = null,
        string? name = null)
    {
        var nativeId = (written + pending.Count).ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
        var workspace = Store.WorkspaceRoot;
        var storePath = Path.Combine(workspace, "mlruns");
        var unit = new RunUnit(UnitFormats.MlflowFileRun, Path.Combine(storePath, "0", nativeId), storePath, workspace);
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000 + (60_000L * (written + pending.Count)));
        var run = new Run
        {
            Id = RunIds.Make("mlflow", "mlruns", nativeId),
            Source = "mlflow",
            NativeId = nativeId,
            StorePath = storePath,
            ExperimentId = "0",
            Experiment = "Default",
            Name = name ?? "run-" + (written + pending.Count),
            Status = status,
            StartTime = start,
            EndTime = start.AddMinutes(5),
            Directory = unit.Path,
        };
        foreach (var (key, value) in parameters)
        {
            run.Params[key] = value;
        }

        foreach (var (key, values) in metrics ?? new Dictionary<string, double[]>())
        {
            run.Metrics[key] = [.. values.Select((v, step) => new MetricPoint(step, start.ToUnixTimeMilliseconds() + step, v))];
        }

        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            run.Tags[key] = value;
        }

        var result = new UnitReadResult();
        result.Runs.Add(run);
        pending.Add((unit, result));
        return run.Id;
    }

    public void Flush()
    {
        for (var from = 0; from < pending.Count; from += 1_000)
        {
            Store.WriteUnits(pending.GetRange(from, Math.Min(1_000, pending.Count - from)));
        }

        written += pending.Count;
        pending.Clear();
    }

    /// <summary>What the server does after the index changed.</summary>
    public void MoveVersion() => Interlocked.Increment(ref version);

    public static Dictionary<string, string> Params(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    public static Dictionary<string, double[]> Acc(params double[] values) => MetricSeries("val_acc", values);

    public static Dictionary<string, double[]> MetricSeries(string key, params double[] values) => new(StringComparer.Ordinal) { [key] = values };

    public void Dispose()
    {
        Store.Dispose();
        temp.Dispose();
    }
}
