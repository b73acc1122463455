using System.Text;
using System.Text.RegularExpressions;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Mlflow;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Mlflow;

/// <summary>Real corpus files, truncated and with bytes flipped, inserted and removed a few hundred ways:
/// the reader never throws, and every damaged line or value comes back as a problem.</summary>
public sealed partial class MlflowFileRunReaderMutationTests : IDisposable
{
    private static readonly string CorpusRun = Corpus.PathOf("mlflow", "MLFlow_Framework", "mlruns", "0", "03a1d0e574124b17ac644f470869cde8");

    private readonly MlflowFileStoreFixture store = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public void Every_mutation_of_a_corpus_metric_file_gives_exactly_the_points_and_problems_of_its_lines()
    {
        var original = CorpusMetricLines();
        store.Experiment("0");
        var runId = Path.GetFileName(CorpusRun);
        var folder = store.Run("0", runId, File.ReadAllText(Path.Combine(CorpusRun, "meta.yaml")));
        var metricPath = Path.Combine(folder, "metrics", "m");
        var cases = 0;

        foreach (var mutated in Mutations(original, seed: 11))
        {
            store.WriteBytes($"0/{runId}/metrics/m", mutated);

            var result = new MlflowFileRunReader().Read(store.Unit(folder), CancellationToken.None);

            var (goodLines, badLines) = Oracle(mutated);
            var run = Assert.Single(result.Runs);
            Assert.Equal(goodLines, run.Metrics["m"].Count);
            Assert.True(
                badLines.SequenceEqual(result.Problems.Where(p => p.Path == metricPath).Select(p => p.Line)),
                $"bad lines {string.Join(",", badLines)}, problems {string.Join("; ", result.Problems.Select(p => p.Format()))} for:\n{Encoding.Latin1.GetString(mutated)}");
            cases++;
        }

        Assert.True(cases > 300, $"{cases} cases");
    }

    [Fact]
    public void Every_mutation_of_corpus_meta_files_is_read_without_throwing_and_damage_is_reported()
    {
        var runMeta = File.ReadAllBytes(Path.Combine(CorpusRun, "meta.yaml"));
        var experimentMeta = File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(CorpusRun)!, "meta.yaml"));
        var runId = Path.GetFileName(CorpusRun);
        var folder = store.Run("0", runId);
        var cases = 0;

        foreach (var mutated in Mutations(runMeta, seed: 23))
        {
            store.WriteBytes("0/meta.yaml", experimentMeta);
            store.WriteBytes($"0/{runId}/meta.yaml", mutated);

            var result = new MlflowFileRunReader().Read(store.Unit(folder), CancellationToken.None);

            Assert.True(result.Runs.Count <= 1);
            if (result.Runs.Count == 0 || IsDamaged(mutated))
            {
                Assert.True(result.Problems.Count > 0, "no problem for:\n" + Encoding.Latin1.GetString(mutated));
            }

            if (mutated.AsSpan().SequenceEqual(runMeta))
            {
                Assert.Empty(result.Problems);
                Assert.Equal("unique-shrimp-60", Assert.Single(result.Runs).Name);
            }

            cases++;
        }

        foreach (var mutated in Mutations(experimentMeta, seed: 5).Take(150))
        {
            store.WriteBytes("0/meta.yaml", mutated);
            store.WriteBytes($"0/{runId}/meta.yaml", runMeta);

            var result = new MlflowFileRunReader().Read(store.Unit(folder), CancellationToken.None);

            Assert.True(result.Runs.Count == 1 || mutated.AsSpan().IndexOf("lifecycle_stage: deleted"u8) >= 0);
            cases++;
        }

        Assert.True(cases > 300, $"{cases} cases");
    }

    /// <summary>Every line of the corpus store's metric files, a few hundred bytes of real data.</summary>
    private static byte[] CorpusMetricLines()
    {
        var store = Path.GetDirectoryName(Path.GetDirectoryName(CorpusRun))!;
        var lines = Directory.EnumerateFiles(store, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "metrics")
            .Order(StringComparer.Ordinal)
            .Take(12)
            .Select(File.ReadAllText);
        return Encoding.UTF8.GetBytes(string.Concat(lines));
    }

    /// <summary>The original, every truncation, then seeded flips, insertions and removals.</summary>
    private static IEnumerable<byte[]> Mutations(byte[] original, int seed)
    {
        yield return original;
        for (var length = 0; length < original.Length; length += 3)
        {
            yield return original[..length];
        }

        var random = new Random(seed);
        byte[] interesting = [0, (byte)'\n', (byte)' ', (byte)'\r', (byte)'-', (byte)'.', (byte)'e', (byte)'n', 0x80, 0xC3, 0xFF, (byte)':', (byte)'\''];
        for (var i = 0; i < 200; i++)
        {
            var copy = (byte[])original.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                var at = random.Next(copy.Length);
                copy[at] = random.Next(2) == 0 ? (byte)(copy[at] ^ (1 << random.Next(8))) : interesting[random.Next(interesting.Length)];
            }

            yield return copy;
        }

        for (var i = 0; i < 60; i++)
        {
            var at = random.Next(original.Length);
            yield return i % 2 == 0
                ? [.. original[..at], interesting[random.Next(interesting.Length)], .. original[at..]]
                : [.. original[..at], .. original[(at + 1)..]];
        }
    }

    /// <summary>An independent statement of the metric line rules: how many lines are good and which are bad.</summary>
    private static (int Good, List<int> Bad) Oracle(byte[] file)
    {
        var text = Encoding.Latin1.GetString(file);
        var lines = text.Split('\n');
        var count = text.Length == 0 || text.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        var good = 0;
        var bad = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var fields = lines[i].Trim(' ', '\t', '\r', '\n', '\v', '\f').Split(' ');
            var ok = !lines[i].Contains('\0')
                && fields.Length is 2 or 3 or 5
                && IntegerText().IsMatch(fields[0])
                && FloatText().IsMatch(fields[1])
                && (fields.Length == 2 || IntegerText().IsMatch(fields[2]));
            if (ok)
            {
                good++;
            }
            else
            {
                bad.Add(i + 1);
            }
        }

        return (good, bad);
    }

    /// <summary>Damage the reader must report: no usable run id line, a status that is not 1 to 5, or times
    /// that are not integers.</summary>
    private static bool IsDamaged(byte[] meta)
    {
        var text = Encoding.Latin1.GetString(meta);
        return !RunIdLine().IsMatch(text)
            || (text.Contains("\nstatus:") && !StatusLine().IsMatch(text))
            || (text.Contains("\nstart_time:") && !StartLine().IsMatch(text));
    }

    [GeneratedRegex(@"^[ \t\r\n\v\f]*[+-]?[0-9]+[ \t\r\n\v\f]*$")]
    private static partial Regex IntegerText();

    [GeneratedRegex(@"^[ \t\r\n\v\f]*[+-]?(([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?|nan|inf|infinity)[ \t\r\n\v\f]*$", RegexOptions.IgnoreCase)]
    private static partial Regex FloatText();

    [GeneratedRegex(@"(^|\n)run_(id|uuid): [0-9a-zA-Z][0-9a-zA-Z_-]*\r?(\n|$)")]
    private static partial Regex RunIdLine();

    [GeneratedRegex(@"\nstatus: [1-5]\r?(\n|$)")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"\nstart_time: [0-9]+\r?(\n|$)")]
    private static partial Regex StartLine();
}
