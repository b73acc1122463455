using IdeTracker.Core.Model;

namespace IdeTracker.Core.Tests.Readers.MetricLogs;

/// <summary>Generated files shaped as Keras's CSVLogger writes them (the corpus has none): csv module rows ending
/// "\r\n", header "epoch" then the sorted log keys, one row per epoch, and append=True continuing a file
/// without writing its header again.</summary>
public sealed class KerasCsvLoggerTests : IDisposable
{
    private const string Header = "epoch,accuracy,loss,val_accuracy,val_loss\r\n";

    private readonly MetricLogFolder _logs = new();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public void A_keras_log_is_one_run_with_a_metric_per_key_stepped_by_epoch()
    {
        var path = _logs.Write("training.log.csv", Header + "0,0.8125,0.5213,0.85,0.4102\r\n1,0.875,0.3312,0.8703,0.3551\r\n2,0.9,0.25,0.88,0.3\r\n");

        var result = _logs.Read("training.log.csv");

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Equal(["accuracy", "loss", "val_accuracy", "val_loss"], run.Metrics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([new MetricPoint(0, 0, 0.5213), new MetricPoint(1, 0, 0.3312), new MetricPoint(2, 0, 0.25)], run.Metrics["loss"]);
        Assert.Equal("csv", run.Source);
        Assert.Equal("training.log.csv", run.Name);
        Assert.Equal("training.log.csv", run.NativeId);
        Assert.Equal("logs", run.Experiment);
        Assert.Equal(RunStatus.Unknown, run.Status);
        Assert.Null(run.StartTime);
        Assert.Equal(File.GetLastWriteTimeUtc(path), run.EndTime!.Value.UtcDateTime);
        Assert.Equal(path, run.MetricsFile);
        Assert.Equal(_logs.Folder, run.Directory);
        Assert.Equal(_logs.Folder, run.StorePath);
        Assert.Empty(run.Params);
    }

    [Fact]
    public void Training_again_with_append_restarts_the_epochs_and_every_point_is_kept_in_order()
    {
        _logs.Write("log.csv", Header + "0,0.5,1.0,0.5,1.0\r\n1,0.6,0.9,0.6,0.9\r\n2,0.7,0.8,0.7,0.8\r\n");
        _logs.Append("log.csv", "0,0.55,0.95,0.52,0.97\r\n1,0.65,0.85,0.61,0.88\r\n");

        var run = Assert.Single(_logs.Read("log.csv").Runs);

        Assert.Equal([0L, 1, 2, 0, 1], run.Metrics["loss"].Select(p => p.Step));
        Assert.Equal([1.0, 0.9, 0.8, 0.95, 0.85], run.Metrics["loss"].Select(p => p.Value));
    }

    [Fact]
    public void Appending_with_initial_epoch_continues_the_steps()
    {
        _logs.Write("log.csv", Header + "0,0.5,1.0,0.5,1.0\r\n1,0.6,0.9,0.6,0.9\r\n");
        _logs.Append("log.csv", "2,0.7,0.8,0.7,0.8\r\n3,0.8,0.7,0.8,0.7\r\n");

        var run = Assert.Single(_logs.Read("log.csv").Runs);

        Assert.Equal([0L, 1, 2, 3], run.Metrics["val_loss"].Select(p => p.Step));
    }

    [Fact]
    public void A_header_written_again_by_another_writer_is_passed_over()
    {
        _logs.Write("log.csv", Header + "0,0.5,1.0,0.5,1.0\r\n" + Header + "1,0.6,0.9,0.6,0.9\r\n");

        var result = _logs.Read("log.csv");

        Assert.Empty(result.Problems);
        Assert.Equal(2, Assert.Single(result.Runs).Metrics["accuracy"].Count);
    }

    [Fact]
    public void A_header_that_changes_mid_file_remaps_the_columns_and_says_where()
    {
        // A second training that logged no validation wrote its own header.
        _logs.Write("log.csv", Header + "0,0.5,1.0,0.5,1.0\r\nepoch,loss,lr\r\n0,0.9,0.001\r\n1,0.8,0.0005\r\n");

        var result = _logs.Read("log.csv");

        var run = Assert.Single(result.Runs);
        Assert.Equal([1.0, 0.9, 0.8], run.Metrics["loss"].Select(p => p.Value));
        Assert.Equal([0.001, 0.0005], run.Metrics["lr"].Select(p => p.Value));
        Assert.Single(run.Metrics["val_loss"]);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((3, ProblemSeverity.Information), (problem.Line, problem.Severity));
        Assert.Contains("header changes", problem.Message);
    }

    [Fact]
    public void Rows_appended_with_other_keys_but_no_header_are_located_problems()
    {
        _logs.Write("log.csv", "epoch,loss\r\n0,1.0\r\n1,0.9\r\n");
        _logs.Append("log.csv", "0,0.5,0.95\r\n");

        var result = _logs.Read("log.csv");

        Assert.Equal(2, Assert.Single(result.Runs).Metrics["loss"].Count);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((4, ProblemSeverity.Warning), (problem.Line, problem.Severity));
        Assert.Contains("3 cells where the header has 2", problem.Message);
    }

    [Fact]
    public void A_list_valued_metric_keras_writes_quoted_is_text_that_is_said_once()
    {
        // handle_value writes an iterable as "[a, b]" in quotes; it changes every epoch.
        _logs.Write("log.csv", "epoch,f1,loss\r\n0,\"[0.1, 0.2]\",1.0\r\n1,\"[0.3, 0.4]\",0.9\r\n");

        var result = _logs.Read("log.csv");

        var run = Assert.Single(result.Runs);
        Assert.Equal(["loss"], run.Metrics.Keys);
        Assert.Empty(run.Tags);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, ProblemSeverity.Information), (problem.Line, problem.Severity));
        Assert.Contains("f1 holds text that changes", problem.Message);
    }
}
