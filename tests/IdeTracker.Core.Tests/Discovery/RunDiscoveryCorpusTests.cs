using IdeTracker.Core.Discovery;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Discovery;

public sealed class RunDiscoveryCorpusTests
{
    private readonly RunDiscovery _discovery = new(DiscoveryOptions.Default);

    [Fact]
    public void Finds_the_27_lightning_csv_versions_of_the_corpus()
    {
        var root = Corpus.PathOf("lightning-csv");
        var saveDir = Corpus.PathOf("lightning-csv", "mnist_20epoch_20kparams");

        var result = _discovery.Discover(root, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.Equal(27, result.Units.Count);
        Assert.All(result.Units, u =>
        {
            Assert.Equal(UnitFormats.LightningCsvVersion, u.Format);
            Assert.Equal(saveDir, u.StorePath);
            Assert.Equal(root, u.WorkspaceRoot);
            Assert.Equal(Path.Combine(saveDir, "lightning_logs"), Path.GetDirectoryName(u.Path));
        });
        var expected = Enumerable.Range(0, 27).Select(n => "version_" + n).Order(StringComparer.Ordinal);
        Assert.Equal(expected, result.Units.Select(u => Path.GetFileName(u.Path)));
    }

    [Fact]
    public void Finds_every_run_folder_of_both_mlflow_stores_and_nothing_from_artifacts()
    {
        var root = Corpus.PathOf("mlflow");
        var expected = new[] { "mlruns", "z_mlruns" }
            .SelectMany(store => Directory.GetDirectories(Corpus.PathOf("mlflow", "MLFlow_Framework", store, "0")))
            .Order(StringComparer.Ordinal)
            .ToList();

        var result = _discovery.Discover(root, CancellationToken.None);

        // Counted with ls: 27 run folders under each store's experiment 0.
        Assert.Equal(54, expected.Count);
        Assert.Empty(result.Problems);
        Assert.Equal(expected, result.Units.Select(u => u.Path));
        Assert.All(result.Units, u =>
        {
            Assert.Equal(UnitFormats.MlflowFileRun, u.Format);
            Assert.Equal(Path.GetDirectoryName(Path.GetDirectoryName(u.Path)), u.StorePath);
            Assert.Equal(32, Path.GetFileName(u.Path).Length);
        });
        Assert.Equal(27, result.Units.Count(u => u.StorePath == Corpus.PathOf("mlflow", "MLFlow_Framework", "z_mlruns")));
    }

    [Fact]
    public void Walking_the_whole_corpus_yields_each_unit_once_with_the_format_of_its_folder()
    {
        var result = _discovery.Discover(Corpus.Root, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.Equal(result.Units.Count, result.Units.Select(u => u.Path).Distinct().Count());

        // Counted by hand from MANIFEST.md and ls: 27 Lightning CSV versions; 2 × 27 MLflow runs; the two TensorBoard
        // versions of ifood-2019 (event files + hparams.yaml, no metrics.csv); 9 W&B run folders; 4 Sacred runs;
        // 10 Guild runs (the 12 .guild/attrs folders include two copies of an upstream run inside runs' "target"
        // folders, which belong to the run that holds them); the three DVC branch copies; one Hydra job
        // (.hydra/ at the template's root) and one sweep (BGS-opt's multirun.yaml, its job folders not committed).
        var counts = result.Units.GroupBy(u => u.Format).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            new Dictionary<string, int>
            {
                [UnitFormats.LightningCsvVersion] = 27,
                [UnitFormats.MlflowFileRun] = 54,
                [UnitFormats.TensorBoardRun] = 2,
                [UnitFormats.WandbRun] = 9,
                [UnitFormats.SacredRun] = 4,
                [UnitFormats.GuildRun] = 10,
                [UnitFormats.DvcProject] = 3,
                [UnitFormats.HydraJob] = 1,
                [UnitFormats.HydraSweep] = 1,
            },
            counts);
        Assert.All(result.Units.Where(u => u.Format == UnitFormats.TensorBoardRun), u => Assert.Contains("tensorboard", u.Path, StringComparison.Ordinal));
        Assert.All(result.Units.Where(u => u.Format == UnitFormats.GuildRun), u => Assert.Equal(32, Path.GetFileName(u.Path).Length));
        Assert.Equal(
            ["branch-cnn-16", "branch-cnn-32", "branch-main"],
            result.Units.Where(u => u.Format == UnitFormats.DvcProject).Select(u => Path.GetFileName(u.Path)));
    }

    [Fact]
    public void The_engines_discovery_takes_no_csv_or_log_file_of_the_corpus_as_a_metric_log()
    {
        // The corpus's .csv/.tsv/.log files are DVC plots (confusion.csv is a table, not a log; the dvclive .tsv
        // files belong to their project), Lightning's metrics.csv, W&B's output.log and Hydra's run.log: none is
        // a metric log of its own.
        var plain = _discovery.Discover(Corpus.Root, CancellationToken.None).Units;

        var engine = Engine.CreateDiscovery(DiscoveryOptions.Default).Discover(Corpus.Root, CancellationToken.None);

        Assert.Empty(engine.Problems);
        Assert.Equal(plain, engine.Units);
    }

    [Fact]
    public void Each_format_gets_the_store_its_reader_groups_runs_under()
    {
        var result = _discovery.Discover(Corpus.Root, CancellationToken.None);

        RunUnit Only(string format, string folderName) => Assert.Single(result.Units, u => u.Format == format && Path.GetFileName(u.Path) == folderName);

        Assert.Equal(Corpus.PathOf("tensorboard", "ifood-2019"), Only(UnitFormats.TensorBoardRun, "version_3").StorePath);
        Assert.Equal(Corpus.PathOf("wandb", "VerySimpleTransformer", "wandb"), Only(UnitFormats.WandbRun, "run-20230329_020146-ruzz7bps").StorePath);
        Assert.Equal(Corpus.PathOf("sacred", "ml-pws", "runs"), Only(UnitFormats.SacredRun, "3").StorePath);
        Assert.Equal(Corpus.PathOf("guild", "guildai-test-samples", "guild", "tests", "samples", "runs"), Only(UnitFormats.GuildRun, "42803252919c495cbd65f292f1f156a0").StorePath);
        var dvc = Only(UnitFormats.DvcProject, "branch-main");
        Assert.Equal(dvc.Path, dvc.StorePath);

        // A job folder at the top of a workspace has no "outputs/<date>" above it: its store is the nearest
        // folder at or below the walk's root, never a folder outside it.
        var hydra = Only(UnitFormats.HydraJob, "pytorch-hydra-wandb-template");
        Assert.Equal(Corpus.Root, hydra.StorePath);
        Assert.Equal(Corpus.Root, Only(UnitFormats.HydraSweep, "BGS-opt").StorePath);
    }

    [Fact]
    public void Every_corpus_unit_is_found_again_from_a_file_inside_it()
    {
        var discovered = _discovery.Discover(Corpus.Root, CancellationToken.None).Units;

        foreach (var unit in discovered)
        {
            var inside = Directory.EnumerateFiles(unit.Path, "*", SearchOption.AllDirectories).First();
            Assert.Equal(unit, _discovery.FindUnitContaining(Corpus.Root, inside));
        }
    }
}
