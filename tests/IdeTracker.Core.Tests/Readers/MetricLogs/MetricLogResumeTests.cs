using System.Text;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.MetricLogs;

namespace IdeTracker.Core.Tests.Readers.MetricLogs;

/// <summary>A read that resumes where the previous one stopped gives exactly what a whole read gives: checked by
/// writing a prefix of a generated log, reading it, appending the rest as a writer would and resuming, at every
/// byte offset of each fixture.</summary>
public sealed class MetricLogResumeTests : IDisposable
{
    private readonly MetricLogFolder _logs = new();
    private readonly MetricLogReader _reader = new();

    public void Dispose() => _logs.Dispose();

    public static TheoryData<string, string> Logs() => new()
    {
        {
            "keras.csv",
            "epoch,acc,loss\r\n0,0.5,1.0\r\n1,0.6,0.9\r\nepoch,acc,loss\r\n0,0.55,nan\r\n1,0.65,0.85,9\r\nepoch,loss,lr\r\n0,0.8,0.001\r\n"
        },
        {
            "generic.csv",
            "\uFEFFtime,step,loss,phase,note\n1700000000,0,0.9,train,a\n\n1700000001.5,1,,train,b\nx,2,0.7,train,\n1700000003,3,oops,train,c\n1700000004,4,-inf,train,d\n"
        },
        {
            "metrics.tsv",
            "step\ttimestamp\tacc\n0\t2023-11-14T22:13:20\t0.5\n1\t2023-11-14T22:13:21\t0.6\n"
        },
        {
            "history.jsonl",
            "{\"step\": 0, \"loss\": NaN, \"val\": {\"acc\": 0.5}, \"mode\": \"train\"}\n{\"step\": 1, \"loss\":\n{\"loss\": 2}\n{\"step\": 2, \"_timestamp\": 1700000000, \"loss\": Infinity, \"mode\": \"eval\"}\n"
        },
        {
            "nostep.csv",
            "loss,acc\n0.5,0.9\nstep,loss\n0,0.4\n"
        },
    };

    [Theory]
    [MemberData(nameof(Logs))]
    public void Resuming_after_any_prefix_gives_what_a_whole_read_gives(string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var split = 0; split <= bytes.Length; split++)
        {
            var resumed = ReadInTwo(name, bytes, split);
            var whole = _reader.Read(_logs.Unit(name), CancellationToken.None);

            ReadComparison.AssertSame(whole, resumed, $"{name} split at byte {split}");
        }
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Resuming_again_and_again_gives_what_a_whole_read_gives(string name, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var random = new Random(name.Length);
        for (var trial = 0; trial < 50; trial++)
        {
            var cuts = Enumerable.Range(0, 4).Select(_ => random.Next(bytes.Length + 1)).Order().Append(bytes.Length).ToList();
            _logs.Write(name, []);
            ReadResume? resume = null;
            var written = 0;
            foreach (var cut in cuts)
            {
                AppendBytes(name, bytes[written..cut]);
                written = cut;
                resume = _reader.Read(_logs.Unit(name), resume, CancellationToken.None).Resume;
            }

            var last = _reader.Read(_logs.Unit(name), resume, CancellationToken.None);
            ReadComparison.AssertSame(_reader.Read(_logs.Unit(name), CancellationToken.None), last, $"{name} cut at {string.Join(",", cuts)}");
        }
    }

    [Fact]
    public void A_resumed_read_carries_on_from_the_state_it_was_given()
    {
        _logs.Write("log.csv", "step,loss\n0,1\n");
        var first = _reader.Read(_logs.Unit("log.csv"), CancellationToken.None);
        var resume = (MetricLogResume)first.Resume!;

        // Proof that the earlier lines are not read again: what the state says about them is what comes back.
        resume.State.Metrics["loss"][0] = new MetricPoint(0, 0, 42);
        _logs.Append("log.csv", "1,2\n");
        var resumed = _reader.Read(_logs.Unit("log.csv"), resume, CancellationToken.None);

        Assert.Equal([42.0, 2.0], resumed.Runs[0].Metrics["loss"].Select(p => p.Value));
        Assert.Equal(14, resume.State.Offset);
        Assert.Equal(18, ((MetricLogResume)resumed.Resume!).State.Offset);
    }

    [Fact]
    public void The_same_resume_handed_back_twice_gives_the_same_result_and_is_not_changed()
    {
        _logs.Write("log.csv", "step,loss\n0,1\n");
        var resume = _reader.Read(_logs.Unit("log.csv"), CancellationToken.None).Resume;
        _logs.Append("log.csv", "1,2\n2,3\n");

        var once = _reader.Read(_logs.Unit("log.csv"), resume, CancellationToken.None);
        var twice = _reader.Read(_logs.Unit("log.csv"), resume, CancellationToken.None);

        ReadComparison.AssertSame(once, twice, "same resume twice");
        Assert.Single(((MetricLogResume)resume!).State.Metrics["loss"]);
        Assert.Equal(3, twice.Runs[0].Metrics["loss"].Count);
    }

    [Theory]
    [InlineData("step,loss\n0,1\n", "step,loss\n5,7\n6,8\n7,9\n")]
    [InlineData("step,loss\n0,1\n1,2\n2,3\n", "step,loss\n0,1\n")]
    [InlineData("step,loss\n0,1\n1,2\n", "epoch,loss\n0,1\n1,2\n3,4\n")]
    public void A_file_rewritten_shorter_or_with_other_bytes_is_read_again_from_its_start(string before, string after)
    {
        _logs.Write("log.csv", before);
        var resume = _reader.Read(_logs.Unit("log.csv"), CancellationToken.None).Resume;

        _logs.Write("log.csv", after);
        var resumed = _reader.Read(_logs.Unit("log.csv"), resume, CancellationToken.None);

        ReadComparison.AssertSame(_reader.Read(_logs.Unit("log.csv"), CancellationToken.None), resumed, "rewritten");
    }

    [Fact]
    public void A_change_near_the_end_of_what_was_read_is_noticed_beyond_the_first_64_kb()
    {
        var rows = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"{i},0.5\n"));
        _logs.Write("log.csv", "step,loss\n" + rows);
        var resume = _reader.Read(_logs.Unit("log.csv"), CancellationToken.None).Resume;

        _logs.Write("log.csv", "step,loss\n" + rows[..^4] + "0.9\n" + "10000,0.1\n");
        var resumed = _reader.Read(_logs.Unit("log.csv"), resume, CancellationToken.None);

        Assert.Equal(0.9, resumed.Runs[0].Metrics["loss"][^2].Value);
        ReadComparison.AssertSame(_reader.Read(_logs.Unit("log.csv"), CancellationToken.None), resumed, "changed tail");
    }

    [Fact]
    public void A_resume_made_for_another_file_is_ignored()
    {
        _logs.Write("a.csv", "step,loss\n0,1\n1,2\n");
        _logs.Write("b.csv", "step,loss\n0,1\n1,2\n");
        var resumeOfA = _reader.Read(_logs.Unit("a.csv"), CancellationToken.None).Resume;
        ((MetricLogResume)resumeOfA!).State.Metrics["loss"][0] = new MetricPoint(0, 0, 42);

        var b = _reader.Read(_logs.Unit("b.csv"), resumeOfA, CancellationToken.None);

        Assert.Equal([1.0, 2.0], b.Runs[0].Metrics["loss"].Select(p => p.Value));
    }

    private UnitReadResult ReadInTwo(string name, byte[] bytes, int split)
    {
        _logs.Write(name, bytes[..split]);
        var first = _reader.Read(_logs.Unit(name), CancellationToken.None);
        AppendBytes(name, bytes[split..]);
        return _reader.Read(_logs.Unit(name), first.Resume, CancellationToken.None);
    }

    private void AppendBytes(string name, byte[] bytes)
    {
        using var stream = new FileStream(_logs.PathOf(name), FileMode.Append, FileAccess.Write);
        stream.Write(bytes);
    }
}
