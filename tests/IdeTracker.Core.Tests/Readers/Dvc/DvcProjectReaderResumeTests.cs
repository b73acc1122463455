using System.Text;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Dvc;

namespace IdeTracker.Core.Tests.Readers.Dvc;

/// <summary>DVCLive appends a row to each .tsv per step: a read that resumes from the previous one must give
/// exactly what a whole read gives now, wherever the previous read stopped (mid-line included), and must read
/// whole a file that was started again or shrank. The files are generated.</summary>
public sealed class DvcProjectReaderResumeTests : IDisposable
{
    private const string Acc = "dvclive/plots/metrics/train/acc.tsv";
    private const string Loss = "dvclive/plots/metrics/loss.tsv";

    private readonly ProjectFolderFixture _project = new();

    public DvcProjectReaderResumeTests()
    {
        _project.Write("dvc.yaml", "stages:\n  train:\n    cmd: python train.py\n    metrics:\n      - dvclive/metrics.json\n");
        _project.Write("params.yaml", "lr: 0.1\n");
        _project.Write("dvclive/metrics.json", """{"train": {"acc": 0.9}, "loss": 0.2, "step": 19}""");
    }

    public void Dispose() => _project.Dispose();

    [Fact]
    public void A_resumed_read_equals_a_whole_read_at_every_split_point()
    {
        var acc = AccTsv(rows: 20);
        // Without timestamps, a nan, a bad row and CRLF line ends: the resumed parser state must carry all of it.
        var loss = Encoding.UTF8.GetBytes("step\tloss\r\n0\t1.5\r\n1\tnan\r\n2\tbroken\r\n3\t0.25\r\n4\t-inf\r\n");
        _project.Write(Loss, loss);
        for (var split = 0; split <= acc.Length; split++)
        {
            _project.Write(Acc, acc[..split]);
            var first = _project.Read();
            _project.Append(Acc, acc[split..]);

            var resumed = _project.Read(first.Resume);
            var whole = _project.Read();

            Assert.Equal(RunText.Of(whole), RunText.Of(resumed));
            Assert.Equal(whole.Files, resumed.Files);
        }
    }

    [Fact]
    public void A_resumed_read_continues_from_the_saved_state_rather_than_reading_again()
    {
        var acc = AccTsv(rows: 6);
        _project.Write(Acc, acc[..^20]);
        var first = _project.Read();
        // A point only the saved state has: it survives only if the resumed read starts from that state.
        var state = ((DvcResume)first.Resume!).TsvStates[_project.PathOf(Acc)];
        state.Points.Insert(0, new MetricPoint(-1, 0, 42));
        _project.Append(Acc, acc[^20..]);

        var resumed = _project.Read(first.Resume);

        Assert.Equal(new MetricPoint(-1, 0, 42), resumed.Runs[0].Metrics["train/acc"][0]);
        Assert.Equal(7, resumed.Runs[0].Metrics["train/acc"].Count);
    }

    [Fact]
    public void A_partial_last_line_waits_for_its_newline()
    {
        var acc = AccTsv(rows: 3);
        var cut = acc.Length - 5;
        _project.Write(Acc, acc[..cut]);

        var first = _project.Read();
        Assert.Equal(2, first.Runs[0].Metrics["train/acc"].Count);

        _project.Append(Acc, acc[cut..]);
        var resumed = _project.Read(first.Resume);
        Assert.Equal(3, resumed.Runs[0].Metrics["train/acc"].Count);
        Assert.Equal(new MetricPoint(2, 1700000002000, 0.52), resumed.Runs[0].Metrics["train/acc"][^1]);
    }

    [Fact]
    public void A_file_dvclive_started_again_is_read_whole()
    {
        _project.Write(Acc, AccTsv(rows: 5));
        var first = _project.Read();
        // The same header, other rows, and longer than before: only the bytes before the old offset tell.
        _project.Write(Acc, AccTsv(rows: 8, start: 0.1));

        var resumed = _project.Read(first.Resume);

        Assert.Equal(RunText.Of(_project.Read()), RunText.Of(resumed));
        Assert.Equal(0.1, resumed.Runs[0].Metrics["train/acc"][0].Value);
    }

    [Fact]
    public void A_file_that_shrank_is_read_whole()
    {
        _project.Write(Acc, AccTsv(rows: 8));
        var first = _project.Read();
        _project.Write(Acc, AccTsv(rows: 2));

        var resumed = _project.Read(first.Resume);

        Assert.Equal(2, resumed.Runs[0].Metrics["train/acc"].Count);
        Assert.Equal(RunText.Of(_project.Read()), RunText.Of(resumed));
    }

    [Fact]
    public void A_resume_made_for_another_unit_is_ignored()
    {
        _project.Write(Acc, AccTsv(rows: 4));
        var other = new DvcResume { UnitPath = "/elsewhere", TsvStates = new Dictionary<string, TsvState> { [_project.PathOf(Acc)] = new() { Offset = 10_000 } } };

        Assert.Equal(RunText.Of(_project.Read()), RunText.Of(_project.Read(other)));
    }

    [Fact]
    public void A_resumed_read_hands_out_runs_it_does_not_share_with_the_resume()
    {
        _project.Write(Acc, AccTsv(rows: 4));
        var first = _project.Read();
        first.Runs[0].Metrics["train/acc"].Clear();

        var resumed = _project.Read(first.Resume);

        Assert.Equal(4, resumed.Runs[0].Metrics["train/acc"].Count);
    }

    private static byte[] AccTsv(int rows, double start = 0.5)
    {
        var text = new StringBuilder("timestamp\tstep\ttrain/acc\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{1700000000000 + (i * 1000)}\t{i}\t{start + (i / 100.0)}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
