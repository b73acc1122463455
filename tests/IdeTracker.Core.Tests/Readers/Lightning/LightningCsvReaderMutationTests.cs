using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Lightning;

/// <summary>Damages real files a few hundred ways (truncation, flipped bytes, CSV and YAML punctuation dropped
/// in, ranges cut or repeated): the reader must always return the run and located problems, never throw.</summary>
public sealed class LightningCsvReaderMutationTests : IDisposable
{
    private const int Mutations = 300;

    private static readonly string CorpusVersion = Corpus.PathOf("lightning-csv", "mnist_20epoch_20kparams", "lightning_logs", "version_4");

    // Richer than the corpus's two-line files: nesting, lists, PyYAML tags, anchors, quoting.
    private static readonly byte[] RichHparams = """
        model:
          layers: [64, 32, {units: 16, act: relu}]
          optimizer: !!python/name:torch.optim.adam.Adam ''
        data: &d
          path: "data/train.csv"
          splits: !!python/tuple [0.8, 0.2]
        eval_data: *d
        args: !!python/object:argparse.Namespace
          lr: 1.0e-3
          note: 'it''s "quoted"'
        """u8.ToArray();

    private static readonly byte[] Punctuation = ",\"\n\r\0:[]{}&*!-#|> \t"u8.ToArray();

    private readonly LightningVersionFolder _version = new();

    public void Dispose() => _version.Dispose();

    [Fact]
    public void Damaged_metrics_csv_never_throws()
    {
        var original = File.ReadAllBytes(Path.Combine(CorpusVersion, "metrics.csv"));
        _version.WithHparams(File.ReadAllBytes(Path.Combine(CorpusVersion, "hparams.yaml")));

        for (var seed = 0; seed < Mutations; seed++)
        {
            _version.WithMetrics(Mutate(original, new Random(seed)));

            AssertReadsOneRunWithLocatedProblems(seed);
        }
    }

    [Fact]
    public void Damaged_hparams_yaml_never_throws()
    {
        _version.WithMetrics(File.ReadAllBytes(Path.Combine(CorpusVersion, "metrics.csv")));
        var originals = new[] { File.ReadAllBytes(Path.Combine(CorpusVersion, "hparams.yaml")), RichHparams };

        for (var seed = 0; seed < Mutations; seed++)
        {
            _version.WithHparams(Mutate(originals[seed % 2], new Random(seed)));

            AssertReadsOneRunWithLocatedProblems(seed);
        }
    }

    private void AssertReadsOneRunWithLocatedProblems(int seed)
    {
        var result = _version.Read();

        Assert.True(result.Runs.Count == 1, $"seed {seed}: {result.Runs.Count} runs");
        Assert.All(result.Problems, p =>
        {
            Assert.Contains(p.Path, new[] { _version.MetricsCsv, _version.HparamsYaml });
            Assert.True(p.Line >= 0);
        });
    }

    private static byte[] Mutate(byte[] original, Random random) => ByteMutations.Mutate(original, random, Punctuation);
}
