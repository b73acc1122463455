using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Wandb;
using static IdeTracker.Core.Tests.Readers.Wandb.WandbRecords;

namespace IdeTracker.Core.Tests.Readers.Wandb;

/// <summary>A read that resumes where the previous one stopped must give what a whole read of the file gives
/// now: checked by reading a prefix of a generated log, writing the rest, resuming, and comparing, at
/// hundreds of split points (inside headers, inside data, across block boundaries, inside split records).</summary>
public sealed class WandbRunReaderResumeTests : IDisposable
{
    /// <summary>The same write time for every version of the file, so the status compares equal.</summary>
    private static readonly DateTimeOffset Written = FixedTime.Later.GetUtcNow().AddHours(-1);

    private readonly WandbRunFixture _run = new();
    private readonly WandbRunReader _reader = new(FixedTime.Later);

    public WandbRunReaderResumeTests()
    {
        _run.WithFile("config.yaml", "wandb_version: 1\nlr:\n  desc: null\n  value: 0.01\n")
            .WithFile("wandb-summary.json", """{"loss": 0.25, "best": 0.125, "_step": 299}""");
    }

    public void Dispose() => _run.Dispose();

    public static TheoryData<string> Logs => ["finished", "torn", "damaged"];

    [Theory]
    [MemberData(nameof(Logs))]
    public void Resuming_after_any_prefix_gives_what_a_whole_read_gives(string kind)
    {
        var (bytes, writer) = Log(kind);
        var whole = WholeRead(bytes);

        foreach (var split in SplitPoints(writer, bytes.Length))
        {
            Write(bytes[..split]);
            var first = _reader.Read(_run.Unit, null, CancellationToken.None);
            Write(bytes);
            var resumed = _reader.Read(_run.Unit, first.Resume, CancellationToken.None);

            Assert.True(whole == ReadSnapshot.Of(resumed), $"split at byte {split}:\n{whole}\n---\n{ReadSnapshot.Of(resumed)}");
            if (first.Resume is WandbResume before && resumed.Resume is WandbResume after)
            {
                Assert.Same(before.State, after.State);
            }
        }
    }

    [Fact]
    public void A_run_followed_by_many_small_resumes_ends_as_a_whole_read()
    {
        var (bytes, _) = Log("finished");
        var whole = WholeRead(bytes);

        ReadResume? resume = null;
        UnitReadResult last;
        var length = 0;
        do
        {
            length = Math.Min(bytes.Length, length + 1_999);
            Write(bytes[..length]);
            last = _reader.Read(_run.Unit, resume, CancellationToken.None);
            resume = last.Resume;
        }
        while (length < bytes.Length);

        Assert.Equal(whole, ReadSnapshot.Of(last));
    }

    [Fact]
    public void A_replaced_log_is_read_whole()
    {
        var (bytes, _) = Log("finished");
        Write(bytes[..20_000]);
        var first = _reader.Read(_run.Unit, null, CancellationToken.None);

        var other = new WandbLogWriter().Add(Run("abc123", displayName: "another")).Add(History(0, SecondsAfterStart(1), ("acc", "1"))).ToArray();
        var replaced = other.Concat(new byte[30_000]).ToArray();
        Write(replaced);
        var resumed = _reader.Read(_run.Unit, first.Resume, CancellationToken.None);

        Assert.Equal(WholeRead(replaced), ReadSnapshot.Of(resumed));
        Assert.NotSame(((WandbResume)first.Resume!).State, ((WandbResume)resumed.Resume!).State);
    }

    [Fact]
    public void A_log_that_shrank_is_read_whole()
    {
        var (bytes, _) = Log("finished");
        Write(bytes);
        var first = _reader.Read(_run.Unit, null, CancellationToken.None);

        Write(bytes[..5_000]);
        var resumed = _reader.Read(_run.Unit, first.Resume, CancellationToken.None);

        Assert.Equal(WholeRead(bytes[..5_000]), ReadSnapshot.Of(resumed));
    }

    [Fact]
    public void A_resume_used_twice_is_not_trusted_the_second_time()
    {
        var (bytes, _) = Log("finished");
        Write(bytes[..30_000]);
        var first = _reader.Read(_run.Unit, null, CancellationToken.None);
        Write(bytes);
        _reader.Read(_run.Unit, first.Resume, CancellationToken.None);

        var again = _reader.Read(_run.Unit, first.Resume, CancellationToken.None);

        Assert.Equal(WholeRead(bytes), ReadSnapshot.Of(again));
    }

    [Fact]
    public void A_resume_of_another_folder_is_ignored()
    {
        var (bytes, _) = Log("finished");
        using var other = new WandbRunFixture();
        other.WithLog(bytes[..40_000]);
        var foreign = _reader.Read(other.Unit, null, CancellationToken.None).Resume;
        Write(bytes);

        var result = _reader.Read(_run.Unit, foreign, CancellationToken.None);

        Assert.Equal(WholeRead(bytes), ReadSnapshot.Of(result));
    }

    [Fact]
    public void The_small_files_are_read_again_on_a_resumed_read()
    {
        var (bytes, _) = Log("finished");
        Write(bytes[..50_000]);
        var first = _reader.Read(_run.Unit, null, CancellationToken.None);
        _run.WithFile("config.yaml", "wandb_version: 1\nlr:\n  desc: null\n  value: 0.5\n");
        Write(bytes);

        var resumed = _reader.Read(_run.Unit, first.Resume, CancellationToken.None);

        Assert.Equal("0.5", Assert.Single(resumed.Runs).Params["lr"]);
    }

    /// <summary>A log of every record kind with 300 history rows, a config record split over three blocks and
    /// console lines: "finished" ends with exit, final and footer; "torn" is killed while writing its last
    /// record; "damaged" has a flipped byte two thirds in.</summary>
    private static (byte[] Bytes, WandbLogWriter Writer) Log(string kind)
    {
        var writer = new WandbLogWriter()
            .Add(Header())
            .Add(Run("abc123", project: "resume", tags: ["t1"], config: [("lr", "0.01")]))
            .Add(Telemetry());
        for (var step = 0; step < 300; step++)
        {
            var loss = step % 50 == 7 ? "NaN" : (1.0 / (step + 1)).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            writer.Add(History(step, SecondsAfterStart(step), ("loss", loss), ("acc", "0.5"), ("lr", "0.01"), ("epoch", (step / 100).ToString(System.Globalization.CultureInfo.InvariantCulture))));
            if (step % 40 == 0)
            {
                writer.Add(Output(Start.AddSeconds(step), new string('.', 500)));
                writer.Add(History(step, SecondsAfterStart(step), ("sample", """{"_type": "image-file", "path": "x.png"}""")));
            }

            if (step == 150)
            {
                writer.Add(Config(("notes", "\"" + new string('n', 70_000) + "\"")));
            }
        }

        if (kind == "torn")
        {
            writer.Add(Summary(("loss", "0.25")));
            return (writer.ToArray()[..^9], writer);
        }

        writer.Add(Summary(("loss", "0.25"))).Add(Exit(0, 300)).Add(Final()).Add(Footer());
        var bytes = writer.ToArray();
        if (kind == "damaged")
        {
            bytes[writer.RecordStarts[writer.RecordStarts.Count * 2 / 3] + 10] ^= 0x20;
        }

        return (bytes, writer);
    }

    /// <summary>Around every fifth record start and every block boundary, and a spread of offsets between.</summary>
    private static IEnumerable<int> SplitPoints(WandbLogWriter writer, int length)
    {
        var points = new SortedSet<int> { 0, 1, 6, 7, 8, length - 1 };
        for (var i = 0; i < writer.RecordStarts.Count; i += 5)
        {
            foreach (var delta in (int[])[0, 1, 7, 8, 20])
            {
                points.Add((int)writer.RecordStarts[i] + delta);
            }
        }

        for (var block = WandbLogWriter.BlockSize; block < length; block += WandbLogWriter.BlockSize)
        {
            foreach (var delta in (int[])[-8, -7, -3, -1, 0, 1, 7])
            {
                points.Add(block + delta);
            }
        }

        for (var offset = 0; offset < length; offset += 2_999)
        {
            points.Add(offset);
        }

        return points.Where(p => p >= 0 && p < length);
    }

    private string WholeRead(byte[] bytes)
    {
        Write(bytes);
        return ReadSnapshot.Of(_reader.Read(_run.Unit, CancellationToken.None));
    }

    private void Write(byte[] bytes) => _run.WithLog(bytes).LogWrittenAt(Written);
}
