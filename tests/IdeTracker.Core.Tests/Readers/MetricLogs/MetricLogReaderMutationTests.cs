using System.Diagnostics;
using System.Globalization;
using System.Text;
using IdeTracker.Core.Readers.Common;
using IdeTracker.Core.Readers.MetricLogs;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.MetricLogs;

/// <summary>Real logs from the corpus (Lightning's metrics.csv read as a generic CSV log, a DVCLive TSV, and
/// JSON lines made in the test from that metrics.csv's rows), damaged a few hundred ways each. Every damaged
/// file reads without throwing, as one run with problems that point at lines the file has, and a read resumed
/// after a random prefix of it gives exactly what a whole read gives.</summary>
public sealed class MetricLogReaderMutationTests : IDisposable
{
    private const int Mutations = 300;

    private static readonly string LightningCsv = Corpus.PathOf("lightning-csv", "mnist_20epoch_20kparams", "lightning_logs", "version_4", "metrics.csv");
    private static readonly string DvcliveTsv = Corpus.PathOf("dvc", "example-dvc-experiments", "branch-main", "dvclive", "plots", "metrics", "train", "loss.tsv");

    private static readonly byte[] Punctuation = ",\t;\"\n\r{}[]:-.eNaInfity0 \xff"u8.ToArray();

    private readonly MetricLogFolder _logs = new();
    private readonly MetricLogReader _reader = new();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public void Damaged_csv_logs_read_with_located_problems_and_resume_like_whole_reads() =>
        Check("metrics.csv", File.ReadAllBytes(LightningCsv), seed: 1);

    [Fact]
    public void Damaged_tsv_logs_read_with_located_problems_and_resume_like_whole_reads() =>
        Check("loss.tsv", File.ReadAllBytes(DvcliveTsv), seed: 2);

    [Fact]
    public void Damaged_json_lines_logs_read_with_located_problems_and_resume_like_whole_reads() =>
        Check("metrics.jsonl", JsonLinesOf(LightningCsv), seed: 3);

    private void Check(string name, byte[] original, int seed)
    {
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var damaged = 0;
        for (var i = 0; i < Mutations; i++)
        {
            var mutated = ByteMutations.Mutate(original, random, Punctuation);
            var split = random.Next(mutated.Length + 1);
            _logs.Write(name, mutated[..split]);
            var prefix = _reader.Read(_logs.Unit(name), CancellationToken.None);
            _logs.Write(name, mutated);

            var resumed = _reader.Read(_logs.Unit(name), prefix.Resume, CancellationToken.None);
            var whole = _reader.Read(_logs.Unit(name), CancellationToken.None);

            Assert.True(whole.Runs.Count == 1, $"case {i}: {whole.Runs.Count} runs");
            var lines = ByteMutations.LineCount(mutated);
            Assert.All(whole.Problems, p =>
            {
                Assert.Equal(_logs.PathOf(name), p.Path);
                Assert.True(p.Line >= 0 && p.Line <= lines, $"case {i}: {p.Format()} but the file has {lines} lines");
            });
            ReadComparison.AssertSame(whole, resumed, $"case {i} split at {split}");
            damaged += whole.Problems.Count > 0 ? 1 : 0;
        }

        Assert.True(damaged > Mutations / 3, $"only {damaged} of {Mutations} damaged files gave a problem");
        _logs.Write(name, original);
        Assert.Empty(_reader.Read(_logs.Unit(name), CancellationToken.None).Problems);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{Mutations} cases took {clock.Elapsed}");
    }

    /// <summary>The rows of a Lightning metrics.csv as JSON lines, one object per row, empty cells left out.</summary>
    private static byte[] JsonLinesOf(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var header = new List<string>();
        CsvFields.Split(lines[0], header);
        var text = new StringBuilder();
        var cells = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            CsvFields.Split(line, cells);
            var pairs = header.Zip(cells).Where(p => p.Second.Length > 0)
                .Select(p => $"\"{p.First}\": {double.Parse(p.Second, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)}");
            text.Append('{').AppendJoin(", ", pairs).Append("}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
