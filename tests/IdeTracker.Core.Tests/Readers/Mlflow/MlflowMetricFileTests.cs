using IdeTracker.Core.Model;

namespace IdeTracker.Core.Tests.Readers.Mlflow;

public sealed class MlflowMetricFileTests : IDisposable
{
    private const string RunId = "0123456789abcdef0123456789abcdef";

    private readonly MlflowFileStoreFixture store = new();
    private readonly string folder;

    public MlflowMetricFileTests()
    {
        store.Experiment("0");
        folder = store.Run("0", RunId);
    }

    public void Dispose() => store.Dispose();

    [Fact]
    public void Reads_lines_of_two_three_and_five_fields_in_file_order()
    {
        store.Write($"0/{RunId}/metrics/loss", "300 1.5\n100 2.5 3\n200 -3.5e-2 4 train_ds 9f86d081\n");

        var result = store.Read(folder);

        Assert.Empty(result.Problems);
        Assert.Equal(
            [new MetricPoint(0, 300, 1.5), new MetricPoint(3, 100, 2.5), new MetricPoint(4, 200, -0.035)],
            Assert.Single(result.Runs).Metrics["loss"]);
    }

    [Fact]
    public void Keeps_nan_and_infinities_in_every_spelling_python_writes()
    {
        store.Write($"0/{RunId}/metrics/v", "1 nan 0\n2 inf 1\n3 -inf 2\n4 Infinity 3\n5 -Infinity 4\n6 NaN 5\n7 +inf 6\n8 -nan 7\n9 1e999 8\n");

        var result = store.Read(folder);

        Assert.Empty(result.Problems);
        var values = Assert.Single(result.Runs).Metrics["v"].Select(p => p.Value).ToArray();
        Assert.Equal(
            [double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity, double.NegativeInfinity,
             double.NaN, double.PositiveInfinity, double.NaN, double.PositiveInfinity],
            values);
    }

    [Fact]
    public void Reports_each_bad_line_by_number_and_keeps_the_good_ones()
    {
        store.Write($"0/{RunId}/metrics/acc", string.Join('\n',
            "10 0.5 1",
            "11 0.6 2 extra",
            "x 0.7 3",
            "12 abc 4",
            "13 0.8 4.5",
            "",
            "14  0.9 5",
            "15",
            "16 0.95 6") + "\n");

        var result = store.Read(folder);

        Assert.Equal([new MetricPoint(1, 10, 0.5), new MetricPoint(6, 16, 0.95)], Assert.Single(result.Runs).Metrics["acc"]);
        var path = Path.Combine(folder, "metrics", "acc");
        Assert.All(result.Problems, p => Assert.Equal(path, p.Path));
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], result.Problems.Select(p => p.Line));
        Assert.Equal("expected 2, 3 or 5 space-separated fields (timestamp value step [dataset digest]), found 4", result.Problems[0].Message);
        Assert.Equal("timestamp 'x' is not an integer", result.Problems[1].Message);
        Assert.Equal("value 'abc' is not a number", result.Problems[2].Message);
        Assert.Equal("step '4.5' is not an integer", result.Problems[3].Message);
        Assert.Equal("empty line", result.Problems[4].Message);
    }

    [Fact]
    public void Reads_a_last_line_without_a_newline()
    {
        store.Write($"0/{RunId}/metrics/acc", "1 0.5 0\n2 0.25 1");

        Assert.Equal(2, Assert.Single(store.Read(folder).Runs).Metrics["acc"].Count);
    }

    [Fact]
    public void Skips_a_line_longer_than_64_KB_with_its_line_number_and_reads_on()
    {
        var longLine = "1 " + new string('9', 200_000) + " 0";
        store.Write($"0/{RunId}/metrics/acc", $"1 0.5 0\n{longLine}\n3 0.75 2\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i} {i}.5 {i}\n")));

        var result = store.Read(folder);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Equal("line is longer than 64 KB; skipped", problem.Message);
        var points = Assert.Single(result.Runs).Metrics["acc"];
        Assert.Equal(5002, points.Count);
        Assert.Equal(new MetricPoint(2, 3, 0.75), points[1]);
        Assert.Equal(new MetricPoint(4999, 4999, 4999.5), points[^1]);
    }

    [Fact]
    public void Reads_a_metric_file_much_larger_than_its_buffer_line_by_line()
    {
        var lines = Enumerable.Range(0, 20_000).Select(i => $"{1698092677000L + i} {i * 0.001} {i}").ToArray();
        store.Write($"0/{RunId}/metrics/big", string.Join('\n', lines) + "\n");

        var result = store.Read(folder);

        Assert.Empty(result.Problems);
        var points = Assert.Single(result.Runs).Metrics["big"];
        Assert.Equal(20_000, points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            Assert.Equal(new MetricPoint(i, 1698092677000L + i, i * 0.001), points[i]);
        }
    }

    [Fact]
    public void Skips_a_2_GB_metric_file_and_still_reads_the_other_metrics()
    {
        store.Write($"0/{RunId}/metrics/acc", "1 0.5 0\n");
        var huge = Path.Combine(folder, "metrics", "huge");
        using (var file = new FileStream(huge, FileMode.CreateNew))
        {
            file.SetLength(2L * 1024 * 1024 * 1024);
        }

        var before = GC.GetTotalAllocatedBytes();
        var result = store.Read(folder);
        var allocated = GC.GetTotalAllocatedBytes() - before;

        var problem = Assert.Single(result.Problems);
        Assert.Equal(huge, problem.Path);
        Assert.Equal("is 2.0 GB, larger than the 256 MB a metric file may have; skipped", problem.Message);
        var run = Assert.Single(result.Runs);
        Assert.Equal([new MetricPoint(0, 1, 0.5)], run.Metrics["acc"]);
        Assert.False(run.Metrics.ContainsKey("huge"));
        Assert.Contains(result.Files, f => f.Path == huge && f.Size == 2L * 1024 * 1024 * 1024);
        Assert.True(allocated < 16 * 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Summarises_the_latest_point_as_mlflow_does_by_step_then_time_then_value()
    {
        store.Write($"0/{RunId}/metrics/acc", "50 0.9 2\n10 0.1 3\n20 0.2 3\n20 0.15 3\n5 0.3 1\n");

        var points = Assert.Single(store.Read(folder).Runs).Metrics["acc"];

        Assert.Equal(0.2, MetricSummary.Of(points)!.Last);
    }
}
