using System.Globalization;
using IdeTracker.Bench.Generation;
using IdeTracker.Bench.Measurement;
using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;

namespace IdeTracker.Bench.ConfigResults;

/// <summary>Fills an index with <see cref="ConfigResultsBenchmark.Runs"/> runs straight through the store's
/// writer: the ten keys of <see cref="DocumentKeys"/> on every run (<c>optimizer.lr</c> with ten values, half of
/// its runs spelling them as exponents), a key one run in 5,000 records, val_acc and val_loss, and a sixth of
/// the runs failed or killed.</summary>
internal static class ConfigResultsIndexWriter
{
    public const string CommonKey = "optimizer.lr";
    public const string RareKey = "debug.profile_memory";
    public const int RareEvery = 5_000;

    public static readonly string[] DocumentKeys =
    [
        CommonKey, "optimizer.name", "optimizer.weight_decay", "model.name", "model.dropout",
        "data.batch_size", "data.augment", "trainer.epochs", "trainer.precision", "seed",
    ];

    /// <summary>A value of each of <see cref="DocumentKeys"/> that runs used.</summary>
    public static readonly string[] DocumentValues = ["1e-3", "adam", "1e-4", "resnet-50", "0.1", "64", "true", "50", "16", "3"];

    private static readonly double[] Rates = [1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3];
    private static readonly string[] Optimizers = ["adam", "sgd", "adamw", "rmsprop"];
    private static readonly string[] Models = ["resnet-18", "resnet-50", "vit-b16", "bert-base"];
    private static readonly string[] Statuses = ["finished", "finished", "finished", "finished", "failed", "killed"];

    public static void Write(IndexStore store, int runs) => BenchIndex.WriteRuns(store, runs, RunAt);

    private static (RunUnit, UnitReadResult) RunAt(string workspace, int index)
    {
        var random = SeededRandom.ForRun("config-results", index);
        var nativeId = index.ToString("x32", CultureInfo.InvariantCulture);
        var store = Path.Combine(workspace, "mlruns");
        var unit = new RunUnit(UnitFormats.MlflowFileRun, Path.Combine(store, "0", nativeId), store, workspace);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) + TimeSpan.FromMinutes(index);
        var run = new Run
        {
            Id = RunIds.Make("mlflow", "mlruns", nativeId),
            Source = "mlflow",
            NativeId = nativeId,
            StorePath = store,
            ExperimentId = "0",
            Experiment = "sweep",
            Name = "run-" + index.ToString(CultureInfo.InvariantCulture),
            Status = RunStatusNames.FromWire(random.Pick(Statuses)),
            StartTime = start,
            EndTime = start + TimeSpan.FromMinutes(30),
            Directory = unit.Path,
        };
        var rate = random.Pick(Rates);
        run.Params[CommonKey] = rate.ToString(index % 2 == 0 ? "R" : "0.#e0", CultureInfo.InvariantCulture);
        run.Params["optimizer.name"] = random.Pick(Optimizers);
        run.Params["optimizer.weight_decay"] = random.Pick(new[] { "0", "1e-4", "1e-2" });
        run.Params["model.name"] = random.Pick(Models);
        run.Params["model.dropout"] = random.Pick(new[] { "0.0", "0.1", "0.3" });
        run.Params["data.batch_size"] = random.Pick(new[] { "32", "64", "128" });
        run.Params["data.augment"] = random.Pick(new[] { "true", "false" });
        run.Params["trainer.epochs"] = random.Pick(new[] { "10", "50", "100" });
        run.Params["trainer.precision"] = random.Pick(new[] { "16", "32" });
        run.Params["seed"] = random.Next(0, 5).ToString(CultureInfo.InvariantCulture);
        if (index % RareEvery == 0)
        {
            run.Params[RareKey] = "true";
        }

        var quality = Math.Clamp(0.8 - (0.05 * Math.Abs(Math.Log10(rate) + 3)) + (0.02 * random.Noise()), 0, 0.999);
        var t = start.ToUnixTimeMilliseconds();
        run.Metrics["val_acc"] = [new MetricPoint(0, t, quality * 0.7), new MetricPoint(1, t + 60_000, quality)];
        run.Metrics["val_loss"] = [new MetricPoint(0, t, 1.5 - quality), new MetricPoint(1, t + 60_000, 1 - quality)];
        var result = new UnitReadResult();
        result.Runs.Add(run);
        return (unit, result);
    }
}
