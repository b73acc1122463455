using System.Globalization;
using IdeTracker.Bench.Generation;
using IdeTracker.Bench.Measurement;
using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;

namespace IdeTracker.Bench.Filter;

/// <summary>Fills an index with <see cref="FilterBenchmark.Runs"/> runs straight through the store's writer
/// (writing them as run folders and scanning those would take minutes and measure the readers, not the
/// queries): 10 params, 5 metrics of a few points, 20 experiments, a baseline tag on one run in ten and a team
/// tag on every run, start times over the 90 days before <see cref="Newest"/>.</summary>
internal static class FilterIndexWriter
{
    public static readonly DateTimeOffset Newest = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Optimizers = ["adam", "sgd", "adamw", "rmsprop"];
    private static readonly string[] Models = ["resnet-18", "resnet-50", "vit-b16", "bert-base"];
    private static readonly string[] Schedulers = ["cosine", "step", "none"];
    private static readonly string[] Teams = ["vision", "nlp", "speech"];
    private static readonly int[] BatchSizes = [16, 32, 64, 128, 256];
    private static readonly string[] Statuses = ["finished", "finished", "finished", "failed", "killed", "running"];

    public static void Write(IndexStore store, int runs) => BenchIndex.WriteRuns(store, runs, RunAt);

    private static (RunUnit, UnitReadResult) RunAt(string workspace, int index)
    {
        var random = SeededRandom.ForRun("filter", index);
        var experiment = (index % 20).ToString(CultureInfo.InvariantCulture);
        var nativeId = index.ToString("x32", CultureInfo.InvariantCulture);
        var store = Path.Combine(workspace, "mlruns");
        var unit = new RunUnit(UnitFormats.MlflowFileRun, Path.Combine(store, experiment, nativeId), store, workspace);
        var start = Newest - TimeSpan.FromMinutes(random.Between(0, 90 * 24 * 60));
        var run = new Run
        {
            Id = RunIds.Make("mlflow", "mlruns", nativeId),
            Source = "mlflow",
            NativeId = nativeId,
            StorePath = store,
            ExperimentId = experiment,
            Experiment = "experiment-" + experiment,
            Name = "run-" + index.ToString(CultureInfo.InvariantCulture),
            Status = RunStatusNames.FromWire(random.Pick(Statuses)),
            StartTime = start,
            EndTime = start + TimeSpan.FromMinutes(random.Between(1, 600)),
            User = "user" + (index % 7).ToString(CultureInfo.InvariantCulture),
            GitCommit = random.NextInt64().ToString("x16", CultureInfo.InvariantCulture),
            Directory = unit.Path,
        };
        var lr = Math.Pow(10, random.Between(-5, -1));
        run.Params["lr"] = lr.ToString("R", CultureInfo.InvariantCulture);
        run.Params["batch_size"] = random.Pick(BatchSizes).ToString(CultureInfo.InvariantCulture);
        run.Params["optimizer"] = random.Pick(Optimizers);
        run.Params["dropout"] = Math.Round(random.Between(0, 0.5), 2).ToString("R", CultureInfo.InvariantCulture);
        run.Params["weight_decay"] = Math.Pow(10, random.Between(-6, -2)).ToString("R", CultureInfo.InvariantCulture);
        run.Params["epochs"] = random.Next(5, 200).ToString(CultureInfo.InvariantCulture);
        run.Params["model"] = random.Pick(Models);
        run.Params["seed"] = random.Next(0, 10_000).ToString(CultureInfo.InvariantCulture);
        run.Params["warmup_steps"] = random.Next(0, 5_000).ToString(CultureInfo.InvariantCulture);
        run.Params["scheduler"] = random.Pick(Schedulers);

        var quality = Math.Clamp(0.75 + (0.05 * random.Noise()), 0, 0.999);
        AddMetric(run, "val_acc", quality, random);
        AddMetric(run, "val_loss", 1 - quality, random);
        AddMetric(run, "train_acc", Math.Min(1, quality + 0.05), random);
        AddMetric(run, "train_loss", Math.Max(0, 0.9 - quality), random);
        AddMetric(run, "lr_final", lr / 10, random);

        if (index % 10 == 0)
        {
            run.Tags["baseline"] = "";
        }

        run.Tags["team"] = random.Pick(Teams);
        var result = new UnitReadResult();
        result.Runs.Add(run);
        return (unit, result);
    }

    private static void AddMetric(Run run, string key, double last, Random random)
    {
        var t = run.StartTime!.Value.ToUnixTimeMilliseconds();
        run.Metrics[key] =
        [
            new MetricPoint(0, t, last * random.Between(0.5, 1)),
            new MetricPoint(1, t + 60_000, last * random.Between(0.8, 1)),
            new MetricPoint(2, t + 120_000, last),
        ];
    }
}
