using System.Text;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.MetricLogs;

namespace IdeTracker.Core.Tests.Readers.MetricLogs;

/// <summary>Generic CSV, TSV and JSON-lines logs, generated in each test (no such files are in the corpus).</summary>
public sealed class MetricLogReaderTests : IDisposable
{
    private const long T0 = 1_700_000_000_000; // 2023-11-14T22:13:20Z

    private readonly MetricLogFolder _logs = new();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public void A_generic_csv_takes_its_step_its_times_and_its_numeric_columns()
    {
        _logs.Write("run.csv", """
            time,epoch,step,train/loss,val/loss,phase,comment
            1700000000,0,10,0.9,,train,first
            1700000001.5,0,20,0.8,,train,
            1700000003,1,30,,0.7,train,second

            """);

        var result = _logs.Read("run.csv");

        var run = Assert.Single(result.Runs);
        // "step" is finer than "epoch", so epoch is one more metric, as in Lightning's files.
        Assert.Equal(["epoch", "train/loss", "val/loss"], run.Metrics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([new MetricPoint(10, T0, 0.9), new MetricPoint(20, T0 + 1500, 0.8)], run.Metrics["train/loss"]);
        Assert.Equal([new MetricPoint(30, T0 + 3000, 0.7)], run.Metrics["val/loss"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(T0), run.StartTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(T0 + 3000), run.EndTime);
        // A constant text column is a tag; a changing one is said once and never a param.
        Assert.Equal(new Dictionary<string, string> { ["phase"] = "train" }, run.Tags);
        Assert.Empty(run.Params);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, ProblemSeverity.Information), (problem.Line, problem.Severity));
        Assert.Contains("comment holds text that changes", problem.Message);
    }

    [Theory]
    [InlineData("log.tsv", "step\ttimestamp\tacc\n1\t1700000000000\t0.5\n2\t1700000060000\t0.6\n")]
    [InlineData("log.csv", "step;wall_time;acc\n1;2023-11-14T22:13:20;0.5\n2;2023-11-14 22:14:20Z;0.6\n")]
    [InlineData("log.csv", "step|_timestamp|acc\n1|1700000000|0.5\n2|1700000060|0.6\n")]
    public void Tabs_semicolons_and_pipes_separate_and_times_may_be_ms_seconds_or_iso(string name, string text)
    {
        _logs.Write(name, text);

        var result = _logs.Read(name);

        Assert.Empty(result.Problems);
        Assert.Equal([new MetricPoint(1, T0, 0.5), new MetricPoint(2, T0 + 60_000, 0.6)], Assert.Single(result.Runs).Metrics["acc"]);
    }

    [Fact]
    public void A_time_column_that_is_not_a_wall_time_is_a_metric()
    {
        _logs.Write("log.csv", "epoch,time,loss\n0,12.5,0.9\n1,12.1,0.8\n");

        var run = Assert.Single(_logs.Read("log.csv").Runs);

        Assert.Equal([12.5, 12.1], run.Metrics["time"].Select(p => p.Value));
        Assert.Null(run.StartTime);
    }

    [Fact]
    public void Nan_and_infinities_are_kept_and_bad_cells_and_steps_are_located()
    {
        _logs.Write("log.csv", "step,loss\n0,nan\n1,inf\n2,-inf\nx,0.5\n4,oops\n5,0.25\n");

        var result = _logs.Read("log.csv");

        var loss = Assert.Single(result.Runs).Metrics["loss"];
        Assert.Equal([double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.25], loss.Select(p => p.Value));
        Assert.Collection(
            result.Problems,
            p => Assert.Equal((5, "step 'x' is not a whole number; row skipped"), (p.Line, p.Message)),
            p => Assert.Equal((6, "loss: 1 cells are not numbers (the first, here: 'oops'); left out"), (p.Line, p.Message)));
    }

    [Fact]
    public void A_header_without_a_step_column_reads_nothing_and_says_so()
    {
        _logs.Write("log.csv", "loss,acc\n0.5,0.9\n0.4,0.91\n");

        var result = _logs.Read("log.csv");

        Assert.Empty(Assert.Single(result.Runs).Metrics);
        Assert.Collection(
            result.Problems,
            p => Assert.Equal((1, ProblemSeverity.Error), (p.Line, p.Severity)),
            p => Assert.Equal((2, "2 rows from here on are under a header without a step column; not read"), (p.Line, p.Message)));
    }

    [Fact]
    public void Json_lines_give_nested_numbers_as_metrics_and_malformed_lines_are_located()
    {
        _logs.Write("history.jsonl", """
            {"step": 0, "_timestamp": 1700000000, "loss": 0.9, "val": {"acc": NaN, "f1": Infinity}, "mode": "train", "flags": [1, 2]}
            {"step": 1, "_timestamp": 1700000001, "loss": 0.8, "val": {"acc": 0.7}, "mode": "train", "flags": [1, 2], "note": null}
            {"step": 2, "loss":
            {"loss": 0.5}
            [1, 2]
            {"epoch": 3, "loss": -Infinity, "mode": "train", "flags": [1, 2]}

            """);

        var result = _logs.Read("history.jsonl");

        var run = Assert.Single(result.Runs);
        Assert.Equal(["loss", "val/acc", "val/f1"], run.Metrics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([new MetricPoint(0, T0, 0.9), new MetricPoint(1, T0 + 1000, 0.8), new MetricPoint(3, 0, double.NegativeInfinity)], run.Metrics["loss"]);
        Assert.Equal([double.NaN, 0.7], run.Metrics["val/acc"].Select(p => p.Value));
        Assert.Equal(new Dictionary<string, string> { ["mode"] = "train", ["flags"] = "[1, 2]" }, run.Tags);
        Assert.Collection(
            result.Problems,
            p => Assert.Equal((3, "the JSON object is not complete; line skipped"), (p.Line, p.Message)),
            p => Assert.Equal(4, p.Line),
            p => Assert.Equal((5, "not a JSON object; line skipped"), (p.Line, p.Message)));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(T0 + 1000), run.EndTime);
    }

    [Fact]
    public void A_log_file_recognised_by_its_first_line_is_read_as_json_lines()
    {
        _logs.Write("train.log", "{\"iter\": 5, \"reward\": 1.5}\n");

        Assert.Equal([new MetricPoint(5, 0, 1.5)], Assert.Single(_logs.Read("train.log").Runs).Metrics["reward"]);
    }

    [Fact]
    public void A_last_line_without_its_newline_waits()
    {
        _logs.Write("log.csv", "step,loss\n0,0.5\n1,0.4");

        var run = Assert.Single(_logs.Read("log.csv").Runs);

        Assert.Equal([0L], run.Metrics["loss"].Select(p => p.Step));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_one_located_warning_and_the_numbers_are_read()
    {
        var bytes = Encoding.UTF8.GetBytes("step,loss,note\n0,0.5,a\n1,0.4,b\n").ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'a'), [0xFF, 0xFE]);
        _logs.Write("log.csv", [.. bytes, .. "2,0.3,"u8.ToArray(), 0xE9, (byte)'\n']); // Latin-1 é

        var result = _logs.Read("log.csv");

        Assert.Equal([0.5, 0.4, 0.3], Assert.Single(result.Runs).Metrics["loss"].Select(p => p.Value));
        Assert.Contains(result.Problems, p => p.Line == 2 && p.Message.Contains("not UTF-8"));
        Assert.Single(result.Problems, p => p.Message.Contains("UTF-8"));
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_skipped_and_the_rest_is_read()
    {
        _logs.Write("log.csv", "step,loss\n0,0.5\n1," + new string('9', MetricLogReader.MaxLineBytes + 10) + "\n2,0.3\n");

        var result = _logs.Read("log.csv");

        Assert.Equal([0L, 2], Assert.Single(result.Runs).Metrics["loss"].Select(p => p.Step));
        Assert.Equal(3, Assert.Single(result.Problems).Line);
    }

    [Fact]
    public void A_huge_log_is_streamed_and_stops_taking_points_at_the_limit()
    {
        const int Rows = 1_000_000;
        const int Limit = 100_000;
        WriteRows("huge.csv", Rows);
        WriteRows("head.csv", Limit / 2);
        var size = new FileInfo(_logs.PathOf("huge.csv")).Length;

        var (head, headAllocated) = ReadCountingAllocations("head.csv", Limit);
        var (huge, hugeAllocated) = ReadCountingAllocations("huge.csv", Limit);

        var run = Assert.Single(huge.Runs);
        Assert.Equal(Limit, run.Metrics.Values.Sum(m => m.Count));
        Assert.Equal(head.Runs[0].Metrics["acc"], run.Metrics["acc"]);
        var problem = Assert.Single(huge.Problems);
        Assert.Equal((Limit / 2 + 2, ProblemSeverity.Error), (problem.Line, problem.Severity));
        Assert.Contains("more than 100,000 metric points", problem.Message);
        Assert.Equal(size, ((MetricLogResume)huge.Resume!).State.Offset);

        // The 950,000 lines past the limit are passed over without being decoded or kept: reading them costs
        // almost nothing beyond reading the 50,000 before it (pooled buffers, a few objects).
        Assert.True(hugeAllocated - headAllocated < 1024 * 1024, $"{hugeAllocated:N0} bytes for {size:N0} bytes of log, {headAllocated:N0} for its first {Limit / 2:N0} rows");
    }

    private void WriteRows(string name, int rows)
    {
        Directory.CreateDirectory(_logs.Folder);
        using var writer = new StreamWriter(_logs.PathOf(name), false, new UTF8Encoding(false), 1 << 16);
        writer.Write("step,loss,acc\n");
        for (var i = 0; i < rows; i++)
        {
            writer.Write(i);
            writer.Write(",0.123456,0.654321\n");
        }
    }

    private (IdeTracker.Core.Readers.UnitReadResult Result, long Allocated) ReadCountingAllocations(string name, long maxPoints)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = _logs.Read(name, maxPoints);
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Stamps_are_the_file_and_a_missing_file_is_no_run()
    {
        _logs.Write("log.csv", "step,loss\n0,1\n");
        var reader = new MetricLogReader();

        var result = reader.Read(_logs.Unit("log.csv"), CancellationToken.None);

        Assert.Equal(reader.Stamp(_logs.Unit("log.csv")), result.Files);
        Assert.Equal(_logs.PathOf("log.csv"), Assert.Single(result.Files).Path);
        var missing = reader.Read(_logs.Unit("gone.csv"), CancellationToken.None);
        Assert.Empty(missing.Runs);
        Assert.Empty(missing.Problems);
        Assert.Empty(reader.Stamp(_logs.Unit("gone.csv")));
    }

    [Fact]
    public void Two_logs_in_one_folder_are_two_runs_of_one_experiment()
    {
        _logs.Write("a.csv", "step,loss\n0,1\n");
        _logs.Write("b.csv", "step,loss\n0,2\n");

        var a = Assert.Single(_logs.Read("a.csv").Runs);
        var b = Assert.Single(_logs.Read("b.csv").Runs);

        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal(a.Experiment, b.Experiment);
    }
}
