using System.Text;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Lightning;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Lightning;

/// <summary>A version folder still being logged, read again and again as metrics.csv grows: each read that resumes the
/// one before gives exactly what a whole read gives, reads only the new rows, and notices CSVLogger rewriting the file
/// with a new header.</summary>
public sealed class LightningCsvReaderResumeTests : IDisposable
{
    private static readonly string CorpusVersion = Corpus.PathOf("lightning-csv", "mnist_20epoch_20kparams", "lightning_logs", "version_4");

    private readonly LightningVersionFolder version = new();
    private readonly LightningCsvReader reader = new();

    public void Dispose() => version.Dispose();

    [Fact]
    public void Resuming_after_any_prefix_of_metrics_csv_gives_what_a_whole_read_gives()
    {
        var content = MetricsContent();
        version.WithHparams("lr: 0.01\nbatch_size: 64\n");
        var cases = 0;
        foreach (var split in SplitPoints(content.Length))
        {
            version.WithMetrics(content[..split]);
            var first = reader.Read(version.Unit, null, CancellationToken.None);
            Append(content[split..]);

            var resumed = reader.Read(version.Unit, first.Resume, CancellationToken.None);

            ResumedReads.AssertSameAsWhole(reader.Read(version.Unit, CancellationToken.None), resumed, $"split at byte {split} of {content.Length}");
            cases++;
        }

        Assert.True(cases > 1000, $"{cases} split points");
    }

    [Fact]
    public void A_chain_of_resumed_reads_over_random_appends_matches_a_whole_read_at_every_step()
    {
        var content = MetricsContent();
        for (var seed = 0; seed < 6; seed++)
        {
            var random = new Random(seed);
            version.WithMetrics([]);
            var previous = reader.Read(version.Unit, null, CancellationToken.None);
            var written = 0;
            var steps = 0;
            while (written < content.Length)
            {
                var chunk = Math.Min(content.Length - written, random.Next(10) == 0 ? random.Next(1, 5_000) : random.Next(1, 150));
                Append(content[written..(written + chunk)]);
                written += chunk;

                var resumed = reader.Read(version.Unit, previous.Resume, CancellationToken.None);

                ResumedReads.AssertSameAsWhole(reader.Read(version.Unit, CancellationToken.None), resumed, $"seed {seed}, after {written} bytes");
                previous = resumed;
                steps++;
            }

            Assert.True(steps > 100, $"seed {seed}: {steps} steps");
        }
    }

    [Fact]
    public void A_resumed_read_reads_only_the_new_rows_and_the_few_bytes_it_compares()
    {
        var corpus = File.ReadAllBytes(Path.Combine(CorpusVersion, "metrics.csv"));
        version.WithMetrics(corpus);
        var (first, wholeBytes) = ResumedReads.Counting(() => reader.Read(version.Unit, null, CancellationToken.None));
        Assert.Equal(corpus.Length, wholeBytes);

        var header = corpus.AsSpan(0, corpus.AsSpan().IndexOf((byte)'\n') + 1).Length;
        var row = "19,9999,0.96875,0.0625,0.97,0.09\n"u8.ToArray();
        Append(row);
        var (second, resumedBytes) = ResumedReads.Counting(() => reader.Read(version.Unit, first.Resume, CancellationToken.None));

        // Beside the row: the header and the 32 bytes before the old offset, which are compared.
        Assert.InRange(resumedBytes, row.Length, row.Length + header + 32);
        Assert.Equal(new MetricPoint(9999, 0, 0.09), Assert.Single(second.Runs).Metrics["val_loss"][^1]);
        ResumedReads.AssertSameAsWhole(reader.Read(version.Unit, CancellationToken.None), second, "after one row");
    }

    [Fact]
    public void A_header_rewritten_for_a_new_key_is_noticed_and_the_file_read_whole()
    {
        version.WithMetrics("epoch,step,train_loss\n0,1,0.5\n0,2,0.4\n");
        var first = reader.Read(version.Unit, null, CancellationToken.None);

        // CSVLogger's rewrite when val_loss first appears: a longer file, every row with one more cell.
        version.WithMetrics("epoch,step,train_loss,val_loss\n0,1,0.5,\n0,2,0.4,\n0,3,,0.7\n");
        var rewritten = reader.Read(version.Unit, first.Resume, CancellationToken.None);

        var run = Assert.Single(rewritten.Runs);
        Assert.Empty(rewritten.Problems);
        Assert.Equal([0.5, 0.4], run.Metrics["train_loss"].Select(p => p.Value));
        Assert.Equal([new MetricPoint(3, 0, 0.7)], run.Metrics["val_loss"]);
        ResumedReads.AssertSameAsWhole(reader.Read(version.Unit, CancellationToken.None), rewritten, "after the header changed");

        // The same header with other rows (a version folder reused), and a file cut shorter.
        version.WithMetrics("epoch,step,train_loss,val_loss\n0,1,0.9,\n0,2,0.8,\n0,3,,0.6\n0,4,0.1,\n");
        var replaced = reader.Read(version.Unit, rewritten.Resume, CancellationToken.None);
        Assert.Equal([0.9, 0.8, 0.1], Assert.Single(replaced.Runs).Metrics["train_loss"].Select(p => p.Value));
        ResumedReads.AssertSameAsWhole(reader.Read(version.Unit, CancellationToken.None), replaced, "rows replaced");

        version.WithMetrics("epoch,step,train_loss,val_loss\n0,1,0.9,\n");
        var shorter = reader.Read(version.Unit, replaced.Resume, CancellationToken.None);
        Assert.Equal([0.9], Assert.Single(shorter.Runs).Metrics["train_loss"].Select(p => p.Value));
        ResumedReads.AssertSameAsWhole(reader.Read(version.Unit, CancellationToken.None), shorter, "cut shorter");
    }

    [Fact]
    public void Hparams_yaml_is_read_again_only_when_its_stamp_changes()
    {
        version.WithHparams("lr: 0.01\n").WithMetrics("epoch,step,loss\n0,1,0.5\n");
        var first = reader.Read(version.Unit, null, CancellationToken.None);

        // Same size and write time: a resumed read keeps what it read; only a whole read sees the new text.
        var written = File.GetLastWriteTimeUtc(version.HparamsYaml);
        File.WriteAllText(version.HparamsYaml, "lr: 0.02\n");
        File.SetLastWriteTimeUtc(version.HparamsYaml, written);
        var resumed = reader.Read(version.Unit, first.Resume, CancellationToken.None);
        Assert.Equal("0.01", Assert.Single(resumed.Runs).Params["lr"]);
        Assert.Equal("0.02", Assert.Single(reader.Read(version.Unit, CancellationToken.None).Runs).Params["lr"]);

        version.WithHparams("lr: 0.03\nseed: 7\n");
        var changed = reader.Read(version.Unit, resumed.Resume, CancellationToken.None);
        Assert.Equal("0.03", Assert.Single(changed.Runs).Params["lr"]);
        ResumedReads.AssertSameAsWhole(reader.Read(version.Unit, CancellationToken.None), changed, "after hparams.yaml changed");
    }

    [Fact]
    public void The_cap_on_listed_problems_carries_over_a_resumed_read()
    {
        var rows = new StringBuilder("epoch,step,loss\n");
        for (var i = 0; i < 150; i++)
        {
            rows.Append("0,").Append(i).Append(",bad\n");
        }

        var content = Encoding.UTF8.GetBytes(rows.ToString());
        foreach (var split in new[] { 16, 400, 1_000, content.Length - 3 })
        {
            version.WithMetrics(content[..split]);
            var first = reader.Read(version.Unit, null, CancellationToken.None);
            Append(content[split..]);

            var resumed = reader.Read(version.Unit, first.Resume, CancellationToken.None);

            Assert.Equal(101, resumed.Problems.Count);
            Assert.Equal("50 more problems in this file are not listed", resumed.Problems[^1].Message);
            ResumedReads.AssertSameAsWhole(reader.Read(version.Unit, CancellationToken.None), resumed, $"split at {split}");
        }
    }

    /// <summary>Every byte of the first and last stretches, and a stride through the middle.</summary>
    private static IEnumerable<int> SplitPoints(int length)
    {
        for (var split = 0; split <= length; split++)
        {
            if (split < 900 || split > length - 700 || split % 499 == 0)
            {
                yield return split;
            }
        }
    }

    /// <summary>A real metrics.csv followed by generated rows of every shape the reader treats apart: quoted cells,
    /// nan and infinities, bad cells, a wrong cell count, CRLF, an empty line, a repeated (wider) header as a racing
    /// rewrite leaves it, a line longer than the reader takes, and a last row without its newline.</summary>
    private static byte[] MetricsContent()
    {
        var text = new StringBuilder(File.ReadAllText(Path.Combine(CorpusVersion, "metrics.csv")));
        text.Append("20,10000,\"0.5\",nan,inf,-inf\n");
        text.Append("20,10001,0.5,x,,\n");
        text.Append("20,10002,0.5\n");
        text.Append("20,10003,0.25,0.5,,\r\n");
        text.Append('\n');
        text.Append("epoch,step,train_acc,train_loss,val_acc,val_loss,lr\n");
        text.Append("21,10004,0.5,0.5,,,0.001\n");
        text.Append('9', 70_000).Append('\n');
        text.Append("21,10005,,,0.75,0.25,\n");
        text.Append("21,10006,0.5");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private void Append(byte[] bytes)
    {
        using var stream = new FileStream(version.MetricsCsv, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(bytes);
    }
}
