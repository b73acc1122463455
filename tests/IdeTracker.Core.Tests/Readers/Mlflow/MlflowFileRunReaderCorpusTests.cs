using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Mlflow;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Mlflow;

/// <summary>The reader against the corpus stores and what MLflow 3.11's own file-store reader reported for them.</summary>
public sealed class MlflowFileRunReaderCorpusTests
{
    private static readonly string Workspace = Corpus.PathOf("mlflow", "MLFlow_Framework");

    [Theory]
    [InlineData("mlruns")]
    [InlineData("z_mlruns")]
    public void Agrees_with_mlflow_on_every_run_of_the_corpus_store(string storeName)
    {
        var store = Path.Combine(Workspace, storeName);
        var golden = MlflowGoldenRun.Load(Path.Combine(Workspace, $"_golden_{storeName}.mlflow-filestore.json"));
        var reader = new MlflowFileRunReader();
        var runs = new Dictionary<string, Run>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var unit in MlflowStores.RunUnits(store, Workspace))
        {
            var result = reader.Read(unit, CancellationToken.None);
            problems.AddRange(result.Problems.Select(p => p.Format(Workspace)));
            foreach (var run in result.Runs)
            {
                runs.Add(run.NativeId, run);
            }
        }

        Assert.Empty(problems);
        Assert.Equal(27, golden.Count);
        Assert.Equal(golden.Keys.Order(StringComparer.Ordinal), runs.Keys.Order(StringComparer.Ordinal));
        var differences = new List<string>();
        foreach (var expected in golden.Values)
        {
            differences.AddRange(MlflowGoldenComparison.Differences(expected, runs[expected.RunId], storeName));
        }

        Assert.Empty(differences);
    }

    [Fact]
    public void Reads_a_corpus_run_with_the_values_its_files_hold()
    {
        var store = Path.Combine(Workspace, "mlruns");
        var folder = Path.Combine(store, "0", "03a1d0e574124b17ac644f470869cde8");

        var result = new MlflowFileRunReader().Read(MlflowStores.Unit(folder, store, Workspace), CancellationToken.None);

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal(RunIds.Make("mlflow", "mlruns", "03a1d0e574124b17ac644f470869cde8"), run.Id);
        Assert.Equal("mlflow", run.Source);
        Assert.Equal(store, run.StorePath);
        Assert.Equal("0", run.ExperimentId);
        Assert.Equal("Default", run.Experiment);
        Assert.Equal("unique-shrimp-60", run.Name);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal(new DateTimeOffset(2023, 10, 23, 20, 24, 37, 862, TimeSpan.Zero), run.StartTime);
        Assert.Equal(1698092683202, run.EndTime!.Value.ToUnixTimeMilliseconds());
        Assert.Equal("simle", run.User);
        Assert.Equal(@"c:\Users\simle\OneDrive\Documents\Apexon\MLFlow\KNN_Flow_tst.py\knn_flow.py", run.Command);
        Assert.Equal("a2cb526d5f3a70723b31db6e6eec6a7550800a5d", run.GitCommit);
        Assert.Null(run.ParentId);
        Assert.Null(run.Note);
        Assert.Equal(folder, run.Directory);
        Assert.Equal(Path.Combine(folder, "metrics"), run.MetricsFile);
        Assert.Equal(new Dictionary<string, string> { ["alpha"] = "0.5", ["l1_ratio"] = "0.5" }, run.Params);
        Assert.Equal([new MetricPoint(0, 1698092677923, 0.10862644997792614)], run.Metrics["r2"]);
        Assert.Equal([new MetricPoint(0, 1698092677921, 0.7931640229276851)], run.Metrics["rmse"]);
        Assert.Equal(3, run.Metrics.Count);
        Assert.Equal(6, run.Tags.Count);
        Assert.Equal("LOCAL", run.Tags["mlflow.source.type"]);
    }

    [Fact]
    public void Reads_a_corpus_run_that_has_only_tags_as_a_run_without_params_or_metrics()
    {
        var store = Path.Combine(Workspace, "mlruns");
        var folder = Path.Combine(store, "0", "00db92736627480489e9cf87c7f7f143");

        var result = new MlflowFileRunReader().Read(MlflowStores.Unit(folder, store, Workspace), CancellationToken.None);

        var run = Assert.Single(result.Runs);
        Assert.Equal("learned-dolphin-872", run.Name);
        Assert.Empty(run.Params);
        Assert.Empty(run.Metrics);
        Assert.Null(run.MetricsFile);
        Assert.Equal(6, run.Tags.Count);
        Assert.Equal(2, result.Files.Count - run.Tags.Count);
    }

    [Fact]
    public void Files_of_a_read_are_the_stamps_of_the_unit()
    {
        var store = Path.Combine(Workspace, "z_mlruns");
        var reader = new MlflowFileRunReader();
        foreach (var unit in MlflowStores.RunUnits(store, Workspace))
        {
            var stamps = reader.Stamp(unit);
            var result = reader.Read(unit, CancellationToken.None);

            Assert.Equal(stamps.OrderBy(s => s.Path, StringComparer.Ordinal), result.Files.OrderBy(s => s.Path, StringComparer.Ordinal));
            var run = Assert.Single(result.Runs);
            // Params stand in the stamps by their folders (MLflow never rewrites a param), metrics and tags by their files.
            var paramsFolder = Path.Combine(unit.Path, "params");
            var paramFolders = Directory.Exists(paramsFolder) ? 1 + Directory.GetDirectories(paramsFolder, "*", SearchOption.AllDirectories).Length : 0;
            Assert.Equal(2 + paramFolders + run.Metrics.Count + run.Tags.Count, stamps.Count);
            Assert.DoesNotContain(stamps, s => s.Path.StartsWith(paramsFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(s.Path));
            Assert.Contains(stamps, s => s.Path == Path.Combine(unit.Path, "meta.yaml") && s.Size == new FileInfo(s.Path).Length);
            Assert.Contains(stamps, s => s.Path == Path.Combine(store, "0", "meta.yaml"));
            Assert.DoesNotContain(stamps, s => s.Path.Contains("artifacts", StringComparison.Ordinal));
        }
    }
}
