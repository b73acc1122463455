using System.Globalization;
using static System.FormattableString;
using System.Text;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Mlflow;

namespace IdeTracker.Core.Tests.Readers.Mlflow;

/// <summary>A run still logging, read again and again as its files grow (generated store): each read that resumes the
/// one before gives exactly what a whole read gives, and reads only what was appended.</summary>
public sealed class MlflowFileRunReaderResumeTests : IDisposable
{
    private const string RunId = "0123456789abcdef0123456789abcdef";

    private readonly MlflowFileStoreFixture store = new();
    private readonly MlflowFileRunReader reader = new();
    private readonly string folder;

    public MlflowFileRunReaderResumeTests()
    {
        store.Experiment("0");
        folder = store.Run("0", RunId, MlflowFileStoreFixture.RunMeta(RunId, status: "1", endTime: null));
        store.Write($"0/{RunId}/params/lr", "0.01");
        store.Write($"0/{RunId}/tags/mlflow.runName", "brave-owl-42");
        Directory.CreateDirectory(Path.Combine(folder, "metrics"));
    }

    private string MetricPath => Path.Combine(folder, "metrics", "loss");

    private RunUnit Unit => store.Unit(folder);

    public void Dispose() => store.Dispose();

    [Fact]
    public void Resuming_after_any_prefix_of_a_metric_file_gives_what_a_whole_read_gives()
    {
        var content = MetricContent();
        var cases = 0;
        foreach (var split in SplitPoints(content.Length))
        {
            File.WriteAllBytes(MetricPath, content[..split]);
            var first = reader.Read(Unit, null, CancellationToken.None);
            Append(content[split..]);

            var resumed = reader.Read(Unit, first.Resume, CancellationToken.None);

            ResumedReads.AssertSameAsWhole(reader.Read(Unit, CancellationToken.None), resumed, $"split at byte {split} of {content.Length}");
            cases++;
        }

        Assert.True(cases > 1000, $"{cases} split points");
    }

    [Fact]
    public void A_chain_of_resumed_reads_over_random_appends_matches_a_whole_read_at_every_step()
    {
        var content = MetricContent();
        for (var seed = 0; seed < 8; seed++)
        {
            var random = new Random(seed);
            File.WriteAllBytes(MetricPath, []);
            var previous = reader.Read(Unit, null, CancellationToken.None);
            var written = 0;
            var steps = 0;
            while (written < content.Length)
            {
                // Mostly a few bytes to a few lines at a time, sometimes a big jump, as a logger flushes.
                var chunk = Math.Min(content.Length - written, random.Next(10) == 0 ? random.Next(1, 5_000) : random.Next(1, 120));
                Append(content[written..(written + chunk)]);
                written += chunk;

                var resumed = reader.Read(Unit, previous.Resume, CancellationToken.None);

                ResumedReads.AssertSameAsWhole(reader.Read(Unit, CancellationToken.None), resumed, $"seed {seed}, after {written} bytes");
                previous = resumed;
                steps++;
            }

            Assert.True(steps > 100, $"seed {seed}: {steps} steps");
        }
    }

    [Fact]
    public void A_resumed_read_reads_only_the_appended_bytes_and_a_few_before_them()
    {
        var lines = new StringBuilder();
        for (var step = 0; step < 20_000; step++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"{1_700_000_000_000 + step} {0.5 + (step * 1e-6)} {step}\n");
        }

        File.WriteAllText(MetricPath, lines.ToString());
        var (first, wholeBytes) = ResumedReads.Counting(() => reader.Read(Unit, null, CancellationToken.None));
        Assert.Equal(new FileInfo(MetricPath).Length, wholeBytes);

        // Half a line: read, but the next read starts again at its beginning.
        var half = "1700000020000 0.7"u8.ToArray();
        Append(half);
        var (second, secondBytes) = ResumedReads.Counting(() => reader.Read(Unit, first.Resume, CancellationToken.None));
        Assert.InRange(secondBytes, half.Length, half.Length + 32);

        var rest = "5 20000\n"u8.ToArray();
        Append(rest);
        var (third, thirdBytes) = ResumedReads.Counting(() => reader.Read(Unit, second.Resume, CancellationToken.None));
        Assert.InRange(thirdBytes, half.Length + rest.Length, half.Length + rest.Length + 32);

        var loss = Assert.Single(third.Runs).Metrics["loss"];
        Assert.Equal(20_001, loss.Count);
        Assert.Equal(new MetricPoint(20_000, 1_700_000_020_000, 0.75), loss[^1]);
        ResumedReads.AssertSameAsWhole(reader.Read(Unit, CancellationToken.None), third, "after the line was completed");
    }

    [Fact]
    public void A_metric_file_rewritten_with_other_bytes_or_cut_shorter_is_read_whole()
    {
        File.WriteAllText(MetricPath, "1 0.5 0\n2 0.6 1\n3 0.7 2\n");
        var first = reader.Read(Unit, null, CancellationToken.None);

        // Longer than before, but the lines already read changed: appending cannot explain it.
        File.WriteAllText(MetricPath, "1 0.9 0\n2 0.8 1\n3 0.7 2\n4 0.6 3\n");
        var rewritten = reader.Read(Unit, first.Resume, CancellationToken.None);
        Assert.Equal([0.9, 0.8, 0.7, 0.6], Assert.Single(rewritten.Runs).Metrics["loss"].Select(p => p.Value));
        ResumedReads.AssertSameAsWhole(reader.Read(Unit, CancellationToken.None), rewritten, "rewritten");

        File.WriteAllText(MetricPath, "1 0.9 0\n");
        var shrunk = reader.Read(Unit, rewritten.Resume, CancellationToken.None);
        Assert.Equal([0.9], Assert.Single(shrunk.Runs).Metrics["loss"].Select(p => p.Value));
        ResumedReads.AssertSameAsWhole(reader.Read(Unit, CancellationToken.None), shrunk, "cut shorter");
    }

    [Fact]
    public void Metric_files_that_appear_or_go_between_reads_are_added_or_dropped()
    {
        File.WriteAllText(MetricPath, "1 0.5 0\n");
        var first = reader.Read(Unit, null, CancellationToken.None);

        var accuracy = Path.Combine(folder, "metrics", "val", "acc");
        Directory.CreateDirectory(Path.GetDirectoryName(accuracy)!);
        File.WriteAllText(accuracy, "1 0.25 0\n2 0.5 1\n");
        var second = reader.Read(Unit, first.Resume, CancellationToken.None);
        Assert.Equal(["loss", "val/acc"], Assert.Single(second.Runs).Metrics.Keys.Order());
        ResumedReads.AssertSameAsWhole(reader.Read(Unit, CancellationToken.None), second, "a metric appeared");

        File.Delete(MetricPath);
        var third = reader.Read(Unit, second.Resume, CancellationToken.None);
        Assert.Equal(["val/acc"], Assert.Single(third.Runs).Metrics.Keys);
        ResumedReads.AssertSameAsWhole(reader.Read(Unit, CancellationToken.None), third, "a metric went");
    }

    [Fact]
    public void Meta_yaml_tags_and_params_are_read_again_when_their_stamps_change()
    {
        File.WriteAllText(MetricPath, "1 0.5 0\n");
        var first = reader.Read(Unit, null, CancellationToken.None);
        Assert.Equal(RunStatus.Running, Assert.Single(first.Runs).Status);

        // The run ends: MLflow rewrites meta.yaml with a status and an end time; a note is set, a param logged.
        store.Run("0", RunId, MlflowFileStoreFixture.RunMeta(RunId, status: "3", endTime: "1698092683202"));
        store.Write($"0/{RunId}/tags/mlflow.note.content", "worked");
        store.Write($"0/{RunId}/params/batch_size", "32");
        var second = reader.Read(Unit, first.Resume, CancellationToken.None);

        var run = Assert.Single(second.Runs);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal("worked", run.Note);
        Assert.Equal("32", run.Params["batch_size"]);
        ResumedReads.AssertSameAsWhole(reader.Read(Unit, CancellationToken.None), second, "after the run ended");
    }

    [Fact]
    public void Files_whose_stamps_did_not_change_are_not_read_again()
    {
        File.WriteAllText(MetricPath, "1 0.5 0\n");
        var first = reader.Read(Unit, null, CancellationToken.None);

        // Same size, same write time: to a stamp, nothing happened. Only a whole read sees the new text, which shows
        // the resumed read took the tag and meta.yaml from its resume.
        Rewrite($"0/{RunId}/tags/mlflow.runName", "quiet-fox-17");
        Rewrite($"0/{RunId}/meta.yaml", MlflowFileStoreFixture.RunMeta(RunId, status: "4", endTime: null));
        var resumed = reader.Read(Unit, first.Resume, CancellationToken.None);
        var whole = reader.Read(Unit, CancellationToken.None);

        Assert.Equal(RunStatus.Running, Assert.Single(resumed.Runs).Status);
        Assert.Equal("brave-owl-42", resumed.Runs[0].Tags["mlflow.runName"]);
        Assert.Equal(RunStatus.Failed, Assert.Single(whole.Runs).Status);
        Assert.Equal("quiet-fox-17", whole.Runs[0].Tags["mlflow.runName"]);
    }

    [Fact]
    public void A_resume_made_for_another_run_folder_is_ignored()
    {
        File.WriteAllText(MetricPath, "1 0.5 0\n2 0.6 1\n");
        var other = store.Run("0", new string('f', 32));
        Directory.CreateDirectory(Path.Combine(other, "metrics"));
        File.WriteAllText(Path.Combine(other, "metrics", "loss"), "1 0.1 0\n");
        var otherRead = reader.Read(store.Unit(other), null, CancellationToken.None);

        var read = reader.Read(Unit, otherRead.Resume, CancellationToken.None);

        ResumedReads.AssertSameAsWhole(reader.Read(Unit, CancellationToken.None), read, "resume of another folder");
    }

    /// <summary>Every byte of the short lines at the start and the end, and a stride through the over-long line.</summary>
    private static IEnumerable<int> SplitPoints(int length)
    {
        for (var split = 0; split <= length; split++)
        {
            if (split < 1_000 || split > length - 400 || split % 997 == 0)
            {
                yield return split;
            }
        }
    }

    /// <summary>Lines of every shape MLflow writes or a damaged file holds: 2, 3 and 5 fields, nan and infinities, CRLF,
    /// empty and bad lines, a line longer than the reader takes, and a last line without its newline.</summary>
    private static byte[] MetricContent()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 60; i++)
        {
            var ts = 1_700_000_000_000 + (i * 1000);
            text.Append((i % 10) switch
            {
                0 => Invariant($"{ts} {0.5 + (i / 100.0)} {i}\n"),
                1 => Invariant($"{ts} {i * 1.5}\n"),
                2 => Invariant($"{ts} nan {i}\n"),
                3 => Invariant($"{ts} -inf {i} train_ds 9f86d081\n"),
                4 => "not a metric line\n",
                5 => "\n",
                6 => Invariant($"{ts} {i * 0.25} {i}\r\n"),
                7 => Invariant($"{ts} 1e999 {i}\n"),
                8 => Invariant($"{ts}  {i} {i}\n"),
                _ => Invariant($"{ts} {-i} {i}\n"),
            });
            if (i == 25)
            {
                text.Append('7', 70_000).Append('\n');
            }
        }

        text.Append("1700000099000 0.125");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private void Append(byte[] bytes)
    {
        using var stream = new FileStream(MetricPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(bytes);
    }

    /// <summary>Rewrites a file with text of the same length, keeping its write time.</summary>
    private void Rewrite(string storeRelativePath, string text)
    {
        var path = Path.Combine(store.Store, storeRelativePath);
        var before = new FileInfo(path);
        Assert.Equal(before.Length, Encoding.UTF8.GetByteCount(text));
        var written = before.LastWriteTimeUtc;
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, written);
    }
}
