using Google.Protobuf.WellKnownTypes;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.Readers.TensorBoard.Fixtures;
using IdeTracker.Core.Tests.Readers.TensorBoard.Protos;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.TensorBoard;

/// <summary>A resumed read must give exactly what a whole read of the same files gives: read a prefix, append
/// the rest (at every split point), resume, compare. Event files are generated.</summary>
public sealed class TensorBoardResumeTests : IDisposable
{
    private readonly TensorBoardRunFolder _run = new();

    public void Dispose() => _run.Dispose();

    /// <summary>Every kind of record the reader treats differently, and one whose data check fails.</summary>
    private static byte[] Everything()
    {
        var damaged = EventFileWriter.Frame(Events.Simple("loss", 3, 9));
        damaged[^8] ^= 0x10;
        return
        [
            .. EventFileWriter.Frames(
            [
                Events.FileVersion(),
                Events.HparamsStart(new Dictionary<string, Value> { ["lr"] = Value.ForNumber(0.01), ["opt"] = Value.ForString("sgd") }),
                Events.Simple("loss", 1, 1),
                Events.Tensor("acc", 1, Events.FloatTensor(0.5f), withMetadata: true),
                Events.Image("samples", 1),
                Events.Simple("loss", 2, 0.5f),
            ]),
            .. damaged,
            .. EventFileWriter.Frames(
            [
                Events.Tensor("acc", 2, Events.FloatTensor(0.75f), withMetadata: false),
                Events.Histogram("weights", 2),
                Events.Simple("loss", 4, float.NaN),
                Events.Tensor("acc", 3, Events.FloatTensor(0.875f), withMetadata: false),
                Events.HparamsEnd(Status.Success, Events.Start + 10),
            ]),
        ];
    }

    [Fact]
    public void Resuming_after_any_prefix_gives_what_a_whole_read_gives()
    {
        var all = Everything();
        var path = _run.WriteBytes(TensorBoardRunFolder.FirstFile, all);
        var whole = _run.Read();
        Assert.Single(whole.Problems);

        for (var split = 0; split <= all.Length; split++)
        {
            File.WriteAllBytes(path, all[..split]);
            var first = _run.Read();
            EventFileWriter.Append(path, all.AsSpan(split));

            var resumed = _run.Read(first.Resume);

            ReadResultAssert.Same(_run.Read(), resumed, $"split at {split}");
            ReadResultAssert.Same(whole, resumed, $"split at {split}", withStamps: false);
        }
    }

    [Fact]
    public void A_chain_of_small_appends_resumed_each_time_ends_as_a_whole_read()
    {
        var all = Everything();
        var random = new Random(11);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var path = _run.WriteBytes(TensorBoardRunFolder.FirstFile, []);
            ReadResume? resume = null;
            for (var at = 0; at < all.Length;)
            {
                var next = Math.Min(all.Length, at + random.Next(1, 120));
                EventFileWriter.Append(path, all.AsSpan(at, next - at));
                resume = _run.Read(resume).Resume;
                at = next;
            }

            var last = _run.Read(resume);

            ReadResultAssert.Same(_run.Read(), last, $"attempt {attempt}");
        }
    }

    [Fact]
    public void A_resumed_read_parses_only_the_bytes_added_since()
    {
        var path = _run.Write(TensorBoardRunFolder.FirstFile, Events.FileVersion(), Events.Simple("loss", 1, 1), Events.Simple("loss", 2, 2), Events.Simple("loss", 3, 3));
        var first = _run.Read();

        // Damage a byte well inside what was read (not at the edges a resume checks), then append a record:
        // a resumed read never looks there again, a whole read does.
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, [.. bytes, .. EventFileWriter.Frame(Events.Simple("loss", 4, 4))]);

        var resumed = _run.Read(first.Resume);
        var whole = _run.Read();

        Assert.Empty(resumed.Problems);
        Assert.Equal([1L, 2, 3, 4], resumed.Runs[0].Metrics["loss"].Select(p => p.Step));
        Assert.Single(whole.Problems);
    }

    [Fact]
    public void A_new_file_after_the_last_one_is_read_on_top_of_the_previous_state()
    {
        _run.Write(TensorBoardRunFolder.FirstFile, Events.FileVersion(), Events.Simple("loss", 1, 1), Events.Simple("loss", 2, 2));
        var first = _run.Read();
        _run.Write(TensorBoardRunFolder.SecondFile, Events.FileVersion(Events.Start + 900), Events.Simple("loss", 3, 3));

        var resumed = _run.Read(first.Resume);

        ReadResultAssert.Same(_run.Read(), resumed, "new file");
        Assert.Equal([1L, 2, 3], resumed.Runs[0].Metrics["loss"].Select(p => p.Step));
    }

    [Fact]
    public void A_file_that_was_replaced_or_shrank_is_read_whole()
    {
        var path = _run.Write(TensorBoardRunFolder.FirstFile, Events.FileVersion(), Events.Simple("loss", 1, 1), Events.Simple("loss", 2, 2));
        var first = _run.Read();

        // Same length prefix replaced by other records, then more: the bytes before the offset changed.
        EventFileWriter.Write(path, [Events.FileVersion(), Events.Simple("acc", 1, 5), Events.Simple("acc", 2, 6), Events.Simple("acc", 3, 7)]);
        var replaced = _run.Read(first.Resume);
        ReadResultAssert.Same(_run.Read(), replaced, "replaced");
        Assert.False(replaced.Runs[0].Metrics.ContainsKey("loss"));

        EventFileWriter.Write(path, [Events.Simple("acc", 9, 1)]);
        var shrunk = _run.Read(replaced.Resume);
        ReadResultAssert.Same(_run.Read(), shrunk, "shrunk");
        Assert.Equal(9, shrunk.Runs[0].Metrics["acc"].Single().Step);
    }

    [Fact]
    public void An_earlier_file_that_grew_makes_a_whole_read_so_points_keep_the_order_of_the_files()
    {
        var firstPath = _run.Write(TensorBoardRunFolder.FirstFile, Events.Simple("loss", 1, 1));
        _run.Write(TensorBoardRunFolder.SecondFile, Events.Simple("loss", 10, 10));
        var first = _run.Read();
        EventFileWriter.Append(firstPath, EventFileWriter.Frame(Events.Simple("loss", 2, 2)));

        var resumed = _run.Read(first.Resume);

        ReadResultAssert.Same(_run.Read(), resumed, "earlier file grew");
        Assert.Equal([1L, 2, 10], resumed.Runs[0].Metrics["loss"].Select(p => p.Step));
    }

    [Fact]
    public void A_resume_used_a_second_time_reads_whole_instead_of_adding_points_twice()
    {
        var path = _run.Write(TensorBoardRunFolder.FirstFile, Events.Simple("loss", 1, 1));
        var first = _run.Read();
        EventFileWriter.Append(path, EventFileWriter.Frame(Events.Simple("loss", 2, 2)));

        _run.Read(first.Resume);
        var again = _run.Read(first.Resume);

        Assert.Equal([1L, 2], again.Runs[0].Metrics["loss"].Select(p => p.Step));
    }

    [Fact]
    public void A_resume_for_another_unit_is_ignored()
    {
        _run.Write(TensorBoardRunFolder.FirstFile, Events.Simple("loss", 1, 1));
        using var other = new TensorBoardRunFolder();
        other.Write(TensorBoardRunFolder.FirstFile, Events.Simple("acc", 1, 1));

        var read = _run.Read(other.Read().Resume);

        Assert.Equal(["loss"], read.Runs[0].Metrics.Keys);
    }

    [Fact]
    public void The_corpus_files_resumed_at_many_split_points_match_whole_reads()
    {
        var source = Directory.GetFiles(Corpus.PathOf("tensorboard", "ifood-2019", "lightning_logs", "version_3"), "events.out.tfevents.*").Single();
        var all = File.ReadAllBytes(source);
        var path = _run.WriteBytes(Path.GetFileName(source), all);
        var whole = _run.Read();
        Assert.Empty(whole.Problems);

        for (var split = 0; split <= all.Length; split += 97)
        {
            File.WriteAllBytes(path, all[..split]);
            var first = _run.Read();
            EventFileWriter.Append(path, all.AsSpan(split));

            var resumed = _run.Read(first.Resume);

            ReadResultAssert.Same(_run.Read(), resumed, $"split at {split}");
            ReadResultAssert.Same(whole, resumed, $"split at {split}", withStamps: false);
        }

        Assert.Equal(RunStatus.Finished, whole.Runs[0].Status);
    }
}
