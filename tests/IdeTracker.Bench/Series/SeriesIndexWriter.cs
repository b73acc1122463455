using IdeTracker.Bench.Generation;
using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;

namespace IdeTracker.Bench.Series;

/// <summary>Fills an index for the chart and compare measurements through the store's own writer (no files
/// to scan): <see cref="LongRuns"/> runs with <see cref="Metrics"/> metrics of <see cref="Steps"/> steps
/// each, noisy decaying curves with a NaN now and then, and enough short runs beside them to compare
/// <see cref="CompareRuns"/> at once.</summary>
internal static class SeriesIndexWriter
{
    public const int LongRuns = 20;
    public const int Metrics = 5;
    public const int Steps = 100_000;
    public const int CompareRuns = 500;
    public const int ParamsPerRun = 10;
    public const string StoreFolder = "mlruns";
    public const string StoreKey = "mlflow:" + StoreFolder;

    /// <summary>An experiment this big must not take seconds to group by lineage.</summary>
    public const int LineageRuns = 10_000;
    public const string LineageExperiment = "lineage";

    public static readonly string[] MetricKeys = ["loss", "val_loss", "val_acc", "lr", "grad_norm"];

    /// <summary>Writes the runs into <paramref name="store"/> (a new index) and returns every run id,
    /// the long runs first.</summary>
    public static IReadOnlyList<string> Write(IndexStore store, string workspace)
    {
        var random = new Random(SeededRandom.BenchSeed);
        var ids = new List<string>();
        using (store.BeginBulkLoad())
        {
            var units = new List<(RunUnit, UnitReadResult)>();
            for (var i = 0; i < CompareRuns; i++)
            {
                var run = NewRun(workspace, i, random, i < LongRuns ? Steps : 100);
                ids.Add(run.Id);
                var result = new UnitReadResult();
                result.Runs.Add(run);
                units.Add((new RunUnit(UnitFormats.MlflowFileRun, run.Directory, run.StorePath, workspace), result));

                // A long run is written on its own, so only one run's 500,000 points are in memory at a time.
                if (i < LongRuns || units.Count == 50 || i == CompareRuns - 1)
                {
                    store.WriteUnits(units);
                    units.Clear();
                }
            }
        }

        WriteLineageExperiment(store, workspace, random);
        return ids;
    }

    /// <summary><see cref="LineageRuns"/> runs of a sweep: each changes one or two of its ten params from a run
    /// shortly before it, as someone tuning by hand does, with a few seeds repeating a config.</summary>
    private static void WriteLineageExperiment(IndexStore store, string workspace, Random random)
    {
        var storePath = Path.Combine(workspace, StoreFolder);
        var configs = new List<Dictionary<string, string>>();
        using var bulk = store.BeginBulkLoad();
        var units = new List<(RunUnit, UnitReadResult)>();
        for (var i = 0; i < LineageRuns; i++)
        {
            var config = configs.Count == 0
                ? Enumerable.Range(0, ParamsPerRun).ToDictionary(p => $"param_{p}", _ => "1")
                : new Dictionary<string, string>(configs[Math.Max(0, configs.Count - 1 - random.Next(20))]);
            for (var change = random.Next(3); change > 0; change--)
            {
                config[$"param_{random.Next(ParamsPerRun)}"] = random.Next(50).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            configs.Add(config);
            var nativeId = $"{i + CompareRuns:x32}";
            var run = new Run
            {
                Id = RunIds.Make("mlflow", StoreFolder, nativeId),
                Source = "mlflow",
                NativeId = nativeId,
                StorePath = storePath,
                ExperimentId = "1",
                Experiment = LineageExperiment,
                Name = $"sweep-{i}",
                Status = RunStatus.Finished,
                StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000 + (i * 60_000L)),
                Directory = Path.Combine(storePath, "1", nativeId),
            };
            foreach (var (key, value) in config)
            {
                run.Params[key] = value;
            }

            run.Metrics["val_acc"] = [new MetricPoint(0, 0, random.NextDouble())];
            var result = new UnitReadResult();
            result.Runs.Add(run);
            units.Add((new RunUnit(UnitFormats.MlflowFileRun, run.Directory, run.StorePath, workspace), result));
            if (units.Count == 500)
            {
                store.WriteUnits(units);
                units.Clear();
            }
        }

        store.WriteUnits(units);
    }

    private static Run NewRun(string workspace, int index, Random random, int steps)
    {
        var storePath = Path.Combine(workspace, StoreFolder);
        var nativeId = $"{index:x32}";
        var run = new Run
        {
            Id = RunIds.Make("mlflow", StoreFolder, nativeId),
            Source = "mlflow",
            NativeId = nativeId,
            StorePath = storePath,
            ExperimentId = "0",
            Experiment = "series",
            Name = $"run-{index}",
            Status = RunStatus.Finished,
            StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000 + (index * 60_000L)),
            Directory = Path.Combine(storePath, "0", nativeId),
        };
        for (var p = 0; p < ParamsPerRun; p++)
        {
            run.Params[$"param_{p}"] = (random.Next(1000) / 1000.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var key in MetricKeys)
        {
            var points = new List<MetricPoint>(steps);
            var level = 1.0 + random.NextDouble();
            for (var s = 0; s < steps; s++)
            {
                var value = random.Next(20_000) == 0 ? double.NaN : (level / (1 + (s / 1000.0))) + (random.NextDouble() * 0.05);
                points.Add(new MetricPoint(s, 1_700_000_000_000 + (s * 100L), value));
            }

            run.Metrics[key] = points;
        }

        return run;
    }
}
