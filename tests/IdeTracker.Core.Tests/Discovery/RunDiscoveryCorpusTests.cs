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
    public void Walking_the_whole_corpus_yields_each_unit_once_and_only_known_formats()
    {
        var result = _discovery.Discover(Corpus.Root, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.Equal(27 + 54, result.Units.Count);
        Assert.Equal(result.Units.Count, result.Units.Select(u => u.Path).Distinct().Count());
        Assert.Equal(
            [UnitFormats.LightningCsvVersion, UnitFormats.MlflowFileRun],
            result.Units.Select(u => u.Format).Distinct().Order(StringComparer.Ordinal));

        // The TensorBoard corpus has version_N folders with hparams.yaml, but they hold event files, not metrics.csv.
        Assert.DoesNotContain(result.Units, u => u.Path.Contains("tensorboard", StringComparison.Ordinal));
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
