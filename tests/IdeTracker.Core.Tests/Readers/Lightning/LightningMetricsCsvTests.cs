using IdeTracker.Core.Model;

namespace IdeTracker.Core.Tests.Readers.Lightning;

public sealed class LightningMetricsCsvTests : IDisposable
{
    private readonly LightningVersionFolder _version = new();

    public void Dispose() => _version.Dispose();

    [Fact]
    public void Rows_with_the_wrong_number_of_cells_are_located_problems_and_the_rest_is_read()
    {
        _version.WithMetrics("epoch,step,a,b,c,d\n0,1,1,2,3,4\n0,2,1,2,3\n0,3,1,2,3,4,5\n0,4,9,,,\n");

        var result = _version.Read();

        Assert.Equal(
            [
                new Problem(_version.MetricsCsv, 3, "5 cells, header has 6", ProblemSeverity.Warning),
                new Problem(_version.MetricsCsv, 4, "7 cells, header has 6", ProblemSeverity.Warning),
            ],
            result.Problems);
        Assert.Equal("metrics.csv:3: 5 cells, header has 6", result.Problems[0].Format(_version.Folder));
        var run = Assert.Single(result.Runs);
        Assert.Equal([new MetricPoint(1, 0, 1), new MetricPoint(4, 0, 9)], run.Metrics["a"]);
        Assert.Equal([new MetricPoint(1, 0, 4)], run.Metrics["d"]);
    }

    [Fact]
    public void A_repeated_header_switches_to_its_columns_and_is_only_information()
    {
        _version.WithMetrics("epoch,step,train_loss\n0,1,0.5\nepoch,step,train_loss,val_loss\n0,2,0.4,\n0,3,,0.7\n");

        var result = _version.Read();

        var problem = Assert.Single(result.Problems);
        Assert.Equal((3, ProblemSeverity.Information), (problem.Line, problem.Severity));
        var run = Assert.Single(result.Runs);
        Assert.Equal([new MetricPoint(1, 0, 0.5), new MetricPoint(2, 0, 0.4)], run.Metrics["train_loss"]);
        Assert.Equal([new MetricPoint(3, 0, 0.7)], run.Metrics["val_loss"]);
    }

    [Fact]
    public void A_partial_last_line_is_ignored_silently()
    {
        _version.WithMetrics("epoch,step,loss\r\n0,1,0.5\r\n0,2,0.4\r\n0,3,0.");

        var result = _version.Read();

        Assert.Empty(result.Problems);
        Assert.Equal([new MetricPoint(1, 0, 0.5), new MetricPoint(2, 0, 0.4)], Assert.Single(result.Runs).Metrics["loss"]);
    }

    [Fact]
    public void Nan_and_infinities_are_values_and_empty_cells_are_not()
    {
        _version.WithMetrics("step,a\n1,nan\n2,inf\n3,-inf\n4,NaN\n5,\n6,1e-3\n7,-Infinity\n");

        var points = Assert.Single(_version.Read().Runs).Metrics["a"];

        Assert.Equal(
            [
                new MetricPoint(1, 0, double.NaN), new MetricPoint(2, 0, double.PositiveInfinity), new MetricPoint(3, 0, double.NegativeInfinity),
                new MetricPoint(4, 0, double.NaN), new MetricPoint(6, 0, 0.001), new MetricPoint(7, 0, double.NegativeInfinity),
            ],
            points);
    }

    [Fact]
    public void Quoted_names_and_values_are_unquoted()
    {
        _version.WithMetrics("\"val/acc,top1\",step,\"say \"\"hi\"\"\"\n\"0.5\",\"3\",1\n");

        var run = Assert.Single(_version.Read().Runs);

        Assert.Equal([new MetricPoint(3, 0, 0.5)], run.Metrics["val/acc,top1"]);
        Assert.Equal([new MetricPoint(3, 0, 1)], run.Metrics["say \"hi\""]);
    }

    [Fact]
    public void Bad_cells_are_located_and_the_rest_of_the_row_is_kept()
    {
        _version.WithMetrics("step,a,b\n1,oops,2\nx,3,4\n2.5,5,6\n4.0,7,8\n");

        var result = _version.Read();

        Assert.Equal(
            [(2, "a: 'oops' is not a number"), (3, "step 'x' is not a whole number; row skipped"), (4, "step '2.5' is not a whole number; row skipped")],
            result.Problems.Select(p => (p.Line, p.Message)));
        var run = Assert.Single(result.Runs);
        Assert.Equal([new MetricPoint(1, 0, 2), new MetricPoint(4, 0, 8)], run.Metrics["b"]);
        Assert.Equal([new MetricPoint(4, 0, 7)], run.Metrics["a"]);
    }

    [Fact]
    public void Non_utf8_bytes_and_a_byte_order_mark_do_not_throw()
    {
        _version.WithMetrics([0xEF, 0xBB, 0xBF, .. "step,lo"u8, 0xFF, .. "ss\n1,0.5\n2,"u8, 0xFE, 0xFD, .. "\n"u8]);

        var result = _version.Read();

        var run = Assert.Single(result.Runs);
        Assert.Equal([new MetricPoint(1, 0, 0.5)], run.Metrics["lo\uFFFDss"]);
        Assert.Equal(3, Assert.Single(result.Problems).Line);
    }

    [Fact]
    public void A_line_longer_than_64_KiB_is_skipped_with_a_problem()
    {
        _version.WithMetrics("step,a\n1,1\n2," + new string('9', 70_000) + "\n3,3\n");

        var result = _version.Read();

        var problem = Assert.Single(result.Problems);
        Assert.Equal((3, "line longer than 64 KiB skipped"), (problem.Line, problem.Message));
        Assert.Equal([new MetricPoint(1, 0, 1), new MetricPoint(3, 0, 3)], Assert.Single(result.Runs).Metrics["a"]);
    }

    [Fact]
    public void A_metrics_csv_over_256_MiB_is_not_read_but_the_run_is_listed()
    {
        _version.WithHparams("lr: 0.1\n").WithMetrics("step,a\n");
        using (var stream = new FileStream(_version.MetricsCsv, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(2L * 1024 * 1024 * 1024);
        }

        var result = _version.Read();

        Assert.Equal(
            [new Problem(_version.MetricsCsv, 0, "not read: the file is 2,048 MiB, over the 256 MiB limit", ProblemSeverity.Error)],
            result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Empty(run.Metrics);
        Assert.Equal("0.1", run.Params["lr"]);
    }

    [Fact]
    public void A_header_without_a_step_column_is_a_problem()
    {
        _version.WithMetrics("epoch,loss\n0,0.5\n");

        var result = _version.Read();

        Assert.Equal((1, "the header has no step column; metrics not read"), (Assert.Single(result.Problems).Line, result.Problems[0].Message));
        Assert.Empty(Assert.Single(result.Runs).Metrics);
    }

    [Fact]
    public void An_empty_or_header_only_file_is_a_run_without_metrics()
    {
        _version.WithMetrics("");
        Assert.Empty(_version.Read().Problems);
        Assert.Empty(Assert.Single(_version.Read().Runs).Metrics);

        _version.WithMetrics("epoch,step,loss\n");
        Assert.Empty(_version.Read().Problems);
        Assert.Empty(Assert.Single(_version.Read().Runs).Metrics);
    }

    [Fact]
    public void A_file_of_garbage_lists_a_hundred_problems_and_counts_the_rest()
    {
        _version.WithMetrics("step,a\n" + string.Concat(Enumerable.Repeat("1,2,3\n", 1_000)));

        var problems = _version.Read().Problems;

        Assert.Equal(101, problems.Count);
        Assert.Equal("900 more problems in this file are not listed", problems[^1].Message);
    }
}
