using IdeTracker.Core.Discovery;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Lightning;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Lightning;

public sealed class LightningCsvReaderCorpusTests
{
    private static readonly string Root = Corpus.PathOf("lightning-csv");
    private static readonly string SaveDir = Corpus.PathOf("lightning-csv", "mnist_20epoch_20kparams");
    private static readonly string Logs = Path.Combine(SaveDir, "lightning_logs");

    private readonly LightningCsvReader _reader = new();

    [Fact]
    public void Reads_every_version_of_the_corpus_with_its_params_and_no_problems()
    {
        var units = new RunDiscovery(DiscoveryOptions.Default).Discover(Root, CancellationToken.None).Units;

        var results = units.Select(u => _reader.Read(u, CancellationToken.None)).ToList();

        Assert.Equal(27, results.Count);
        Assert.All(results, r => Assert.Empty(r.Problems));
        var runs = results.Select(r => Assert.Single(r.Runs)).ToList();
        Assert.Equal(27, runs.Select(r => r.Id).Distinct().Count());
        Assert.All(runs, r =>
        {
            Assert.Contains("dropout", r.Params.Keys);
            Assert.Contains("learning_rate", r.Params.Keys);
        });
    }

    [Fact]
    public void Version_4_has_the_params_and_points_its_files_hold()
    {
        var run = ReadVersion(4);

        // hparams.yaml: "dropout: 0.05", "learning_rate: 0.001"; nothing else.
        Assert.Equal(new Dictionary<string, string> { ["dropout"] = "0.05", ["learning_rate"] = "0.001" }, run.Params);

        // metrics.csv: 333 rows; train columns filled on 312 of them, val columns on the other 21.
        Assert.Equal(["epoch", "train_acc", "train_loss", "val_acc", "val_loss"], run.Metrics.Keys.Order(StringComparer.Ordinal));
        var trainLoss = run.Metrics["train_loss"];
        var valAcc = run.Metrics["val_acc"];
        Assert.Equal(312, trainLoss.Count);
        Assert.Equal(new MetricPoint(49, 0, 1.7474782466888428), trainLoss[0]);
        Assert.Equal(new MetricPoint(15599, 0, 0.005600134376436472), trainLoss[^1]);
        Assert.Equal(21, valAcc.Count);
        Assert.Equal(new MetricPoint(781, 0, 0.9714000225067139), valAcc[0]);
        Assert.Equal(new MetricPoint(15640, 0, 0.9965999722480774), valAcc[^1]);
        Assert.Equal(333, run.Metrics["epoch"].Count);
        Assert.Equal(new MetricPoint(15640, 0, 20), run.Metrics["epoch"][^1]);
    }

    [Fact]
    public void Sparse_rows_give_train_and_val_metrics_their_own_steps()
    {
        var run = ReadVersion(4);

        var trainSteps = run.Metrics["train_acc"].Select(p => p.Step).ToHashSet();
        var valSteps = run.Metrics["val_loss"].Select(p => p.Step).ToHashSet();

        Assert.Equal(312, trainSteps.Count);
        Assert.Equal(21, valSteps.Count);
        Assert.Empty(trainSteps.Intersect(valSteps));
    }

    [Fact]
    public void The_five_versions_with_only_hparams_yaml_are_runs_without_metrics()
    {
        foreach (var n in new[] { 17, 18, 19, 20, 21 })
        {
            var run = ReadVersion(n);

            Assert.Empty(run.Metrics);
            Assert.Null(run.MetricsFile);
            Assert.Null(run.EndTime);
            Assert.Equal(File.GetLastWriteTimeUtc(Path.Combine(Logs, $"version_{n}", "hparams.yaml")), run.StartTime!.Value.UtcDateTime);
        }

        Assert.Equal("0", ReadVersion(20).Params["weight_decay"]);
    }

    [Fact]
    public void The_run_is_named_and_placed_from_its_folders()
    {
        var folder = Path.Combine(Logs, "version_4");

        var run = ReadVersion(4);

        Assert.Equal(RunIds.Make("lightning", "mnist_20epoch_20kparams/lightning_logs", "version_4"), run.Id);
        Assert.Equal("lightning", run.Source);
        Assert.Equal("version_4", run.NativeId);
        Assert.Equal("version_4", run.Name);
        Assert.Equal("lightning_logs", run.Experiment);
        Assert.Equal(SaveDir, run.StorePath);
        Assert.Equal(folder, run.Directory);
        Assert.Equal(Path.Combine(folder, "metrics.csv"), run.MetricsFile);
        Assert.Equal(RunStatus.Unknown, run.Status);
        Assert.Equal(File.GetLastWriteTimeUtc(Path.Combine(folder, "hparams.yaml")), run.StartTime!.Value.UtcDateTime);
        Assert.Equal(File.GetLastWriteTimeUtc(Path.Combine(folder, "metrics.csv")), run.EndTime!.Value.UtcDateTime);
    }

    [Fact]
    public void Stamps_are_the_two_files_and_match_what_the_read_depended_on()
    {
        var folder = Path.Combine(Logs, "version_4");
        var unit = new RunUnit(UnitFormats.LightningCsvVersion, folder, SaveDir, Root);

        var stamps = _reader.Stamp(unit);
        var read = _reader.Read(unit, CancellationToken.None);

        Assert.Equal(
            [
                new FileStamp(Path.Combine(folder, "metrics.csv"), 12855, File.GetLastWriteTimeUtc(Path.Combine(folder, "metrics.csv")).Ticks),
                new FileStamp(Path.Combine(folder, "hparams.yaml"), 35, File.GetLastWriteTimeUtc(Path.Combine(folder, "hparams.yaml")).Ticks),
            ],
            stamps);
        Assert.Equal(stamps, read.Files);
    }

    private Run ReadVersion(int n)
    {
        var unit = new RunUnit(UnitFormats.LightningCsvVersion, Path.Combine(Logs, $"version_{n}"), SaveDir, Root);
        var result = _reader.Read(unit, CancellationToken.None);
        Assert.Empty(result.Problems);
        return Assert.Single(result.Runs);
    }
}
