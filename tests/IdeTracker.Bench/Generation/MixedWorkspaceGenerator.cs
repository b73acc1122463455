using System.Globalization;
using System.Text;

namespace IdeTracker.Bench.Generation;

/// <summary>A workspace that holds runs of every format side by side, in the proportions of
/// <see cref="MixedRunCounts"/>, each format in a project folder of its own laid out as its tool writes it:
/// <list type="bullet">
/// <item><c>mlflow-project/mlruns/</c>: the MLflow store of the <c>mlflow</c> scenario (<see cref="MlflowStoreGenerator"/>);</item>
/// <item><c>lightning-csv/lightning_logs/version_N</c>: CSVLogger versions (<see cref="LightningWorkspaceGenerator"/>);</item>
/// <item><c>lightning-tb/lightning_logs/version_N</c>: TensorBoardLogger versions (<see cref="LightningTensorBoardVersionWriter"/>);</item>
/// <item><c>wandb-project/wandb/offline-run-*</c> and W&amp;B's <c>latest-run</c> link (<see cref="WandbOfflineRunWriter"/>);</item>
/// <item><c>sacred-project/runs/&lt;id&gt;</c> and the observer's <c>_sources/</c> (<see cref="SacredRunWriter"/>);</item>
/// <item><c>hydra-project/multirun/&lt;date&gt;/&lt;time&gt;/</c> sweeps whose jobs hold a CSVLogger version (<see cref="HydraSweepWriter"/>);</item>
/// <item><c>guild-home/runs/&lt;id&gt;</c> (<see cref="GuildRunWriter"/>);</item>
/// <item><c>metric-logs/{keras,csv,jsonl}/&lt;model&gt;/</c>: Keras CSVLogger, step-CSV and JSON-lines logs;</item>
/// <item><c>dvc-project-N/</c>: DVC projects without git (<see cref="DvcProjectWriter"/>).</item>
/// </list>
/// A README, a source file and a dataset CSV (which is not a metric log) at the root stand for the rest of a
/// project. Every run has its own seeded random source, so runs are written in parallel and still come out the
/// same every time.</summary>
internal sealed class MixedWorkspaceGenerator(MixedRunCounts counts) : IWorkspaceGenerator
{
    /// <summary>1 March 2025, 00:00 UTC: runs start a minute apart from here.</summary>
    private const double EpochSeconds = 1_740_787_200;

    private const int LogsPerFolder = 25;

    private static readonly string[] LogModels = ["mlp", "cnn", "lstm", "transformer"];

    public MixedRunCounts Counts { get; } = counts;

    /// <summary>The generators reused whole say what decides their files; a change to them regenerates this too.</summary>
    public string Stamp =>
        $"mixed v1 seed={SeededRandom.BenchSeed} {Counts} | {new MlflowStoreGenerator(Counts.Mlflow).Stamp} | " +
        new LightningWorkspaceGenerator(Counts.LightningCsv).Stamp;

    public void Generate(string workspaceRoot)
    {
        Directory.CreateDirectory(workspaceRoot);
        WriteProjectFiles(workspaceRoot);
        new MlflowStoreGenerator(Counts.Mlflow).Generate(Path.Combine(workspaceRoot, "mlflow-project"));
        new LightningWorkspaceGenerator(Counts.LightningCsv).Generate(Path.Combine(workspaceRoot, "lightning-csv"));

        // Writing is mostly file-system calls, so a few more workers than cores keeps the disk busy.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2 };
        var tensorBoard = Path.Combine(workspaceRoot, "lightning-tb", "lightning_logs");
        Parallel.For(0, Counts.LightningTensorBoard, parallel, i =>
            LightningTensorBoardVersionWriter.Write(Path.Combine(tensorBoard, $"version_{i}"), StartSeconds(i), RandomFor("tensorboard", i)));

        WriteWandb(Path.Combine(workspaceRoot, "wandb-project", "wandb"), parallel);

        var sacred = Path.Combine(workspaceRoot, "sacred-project", "runs");
        Parallel.For(0, Counts.Sacred, parallel, i =>
            SacredRunWriter.Write(sacred, i + 1, DateTime.UnixEpoch.AddSeconds(StartSeconds(i)), RandomFor("sacred", i)));
        if (Counts.Sacred > 0)
        {
            // The observer keeps each source file once, beside the runs; it is not a run.
            var source = Path.Combine(sacred, SacredRunWriter.SourceFile);
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, "from sacred import Experiment\n\nex = Experiment('mnist-sweep')\n");
        }

        WriteHydra(Path.Combine(workspaceRoot, "hydra-project", "multirun"), parallel);

        var guild = Path.Combine(workspaceRoot, "guild-home", "runs");
        Parallel.For(0, Counts.Guild, parallel, i =>
            GuildRunWriter.Write(guild, (long)StartSeconds(i) * 1_000_000, RandomFor("guild", i)));

        WriteMetricLogs(Path.Combine(workspaceRoot, "metric-logs"), parallel);

        for (var i = 0; i < Counts.Dvc; i++)
        {
            DvcProjectWriter.Write(Path.Combine(workspaceRoot, $"dvc-project-{i}"), (long)StartSeconds(i) * 1000, RandomFor("dvc", i));
        }
    }

    private static double StartSeconds(int index) => EpochSeconds + (index * 60.0);

    private static Random RandomFor(string format, int index) => SeededRandom.ForRun("mixed-" + format, index);

    private void WriteWandb(string wandb, ParallelOptions parallel)
    {
        if (Counts.Wandb == 0)
        {
            return;
        }

        Directory.CreateDirectory(wandb);
        var folders = new string[Counts.Wandb];
        Parallel.For(0, Counts.Wandb, parallel, i => folders[i] = WandbOfflineRunWriter.Write(wandb, StartSeconds(i), RandomFor("wandb", i)));

        // wandb.init points latest-run at the newest run; discovery must not count that run twice.
        File.CreateSymbolicLink(Path.Combine(wandb, "latest-run"), Path.GetFileName(folders[^1]));
    }

    /// <summary>The jobs spread evenly over the sweeps (never more than <see cref="HydraSweepWriter.MaxJobs"/> to one),
    /// numbered in order, so that every job has a random source of its own.</summary>
    private void WriteHydra(string multirun, ParallelOptions parallel)
    {
        var sweeps = Counts.HydraSweeps;
        var firstJob = new int[sweeps + 1];
        for (var s = 0; s < sweeps; s++)
        {
            firstJob[s + 1] = firstJob[s] + (Counts.HydraJobs / sweeps) + (s < Counts.HydraJobs % sweeps ? 1 : 0);
        }

        Parallel.For(0, sweeps, parallel, s =>
            HydraSweepWriter.Write(
                multirun,
                DateTime.UnixEpoch.AddSeconds(EpochSeconds).AddHours(s * 3),
                firstJob[s + 1] - firstJob[s],
                num => RandomFor("hydra", firstJob[s] + num)));
    }

    private void WriteMetricLogs(string root, ParallelOptions parallel)
    {
        Parallel.For(0, Counts.MetricLogs, parallel, i =>
        {
            var random = RandomFor("metric-log", i);
            var model = LogModels[i / LogsPerFolder % LogModels.Length];
            var (kind, name) = (i % 3) switch
            {
                0 => ("keras", $"training_{i}.log"),
                1 => ("csv", $"run_{i}.csv"),
                _ => ("jsonl", $"run_{i}.jsonl"),
            };
            var folder = Path.Combine(root, kind, $"{model}-{i / LogsPerFolder}");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, name);
            switch (kind)
            {
                case "keras":
                    KerasCsvLogWriter.Write(path, random);
                    break;
                case "csv":
                    StepCsvLogWriter.Write(path, StartSeconds(i), random);
                    break;
                default:
                    JsonLinesLogWriter.Write(path, StartSeconds(i), random);
                    break;
            }
        });
    }

    /// <summary>What else a project holds: none of it is a run, and the dataset is a CSV discovery must turn down.</summary>
    private static void WriteProjectFiles(string root)
    {
        File.WriteAllText(Path.Combine(root, "README.md"), "# Experiments\n\nEvery tracker this team has used, side by side.\n");
        Directory.CreateDirectory(Path.Combine(root, "src"));
        File.WriteAllText(Path.Combine(root, "src", "train.py"), "def main():\n    pass\n");
        var random = SeededRandom.ForRun("mixed-dataset", 0);
        var csv = new StringBuilder("id,text,label\n");
        for (var row = 0; row < 200; row++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row},\"sample text {random.Next(100_000)}\",{random.Pick(["pos", "neg"])}\n");
        }

        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.WriteAllText(Path.Combine(root, "data", "train.csv"), csv.ToString());
    }
}
