using IdeTracker.Core.Model;

namespace IdeTracker.Core.Tests.Readers.Sacred;

/// <summary>metrics.json and info.json on generated files: named numbers, numpy values, damaged and cut-off
/// files, and a Sacred 0.6-style run whose results sit in info.json alone.</summary>
public sealed class SacredMetricsTests : IDisposable
{
    private const long T0 = 1709287200000; // 2024-03-01T10:00:00Z

    private readonly SacredRunFolder _folder = new();

    public SacredMetricsTests() => _folder.WithRun(SacredRunFolder.RunJsonText());

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void NaN_and_the_infinities_Python_writes_are_kept()
    {
        _folder.WithMetrics("""
            {
              "loss": {
                "steps": [0, 1, 2, 3],
                "timestamps": ["2024-03-01T10:00:00", "2024-03-01T10:00:01.5", "2024-03-01T10:00:02", "2024-03-01T10:00:03"],
                "values": [0.5, NaN, Infinity, -Infinity]
              }
            }
            """);

        var result = _folder.Read();

        Assert.Empty(result.Problems);
        Assert.Equal(
            [new MetricPoint(0, T0, 0.5), new MetricPoint(1, T0 + 1500, double.NaN), new MetricPoint(2, T0 + 2000, double.PositiveInfinity), new MetricPoint(3, T0 + 3000, double.NegativeInfinity)],
            Assert.Single(result.Runs).Metrics["loss"]);
    }

    [Fact]
    public void Numpy_scalars_are_values_and_unusable_entries_are_counted_once_per_metric()
    {
        _folder.WithMetrics("""
            {"acc": {"steps": [0, 1, 2.0, "x"], "timestamps": ["2024-03-01T10:00:00", "later", "2024-03-01T10:00:00", "2024-03-01T10:00:00"],
                     "values": [{"dtype": "float32", "py/object": "numpy.float32", "value": 0.75}, 0.8, null, 0.9]}}
            """);

        var result = _folder.Read();

        var acc = Assert.Single(result.Runs).Metrics["acc"];
        Assert.Equal([new MetricPoint(0, T0, 0.75), new MetricPoint(1, 0, 0.8)], acc);
        Assert.Equal(2, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.Equal((_folder.MetricsJson, 1), (p.Path, p.Line)));
        Assert.Contains(result.Problems, p => p.Message.Contains("2 points have a value that is not a number"));
        Assert.Contains(result.Problems, p => p.Message.Contains("1 timestamps are not ISO 8601"));
    }

    [Fact]
    public void Lists_of_different_lengths_give_the_points_all_of_them_have()
    {
        _folder.WithMetrics("""{"m": {"steps": [0, 1, 2], "timestamps": ["2024-03-01T10:00:00", "2024-03-01T10:00:00"], "values": [1, 2]}}""");

        var result = _folder.Read();

        Assert.Equal(2, Assert.Single(result.Runs).Metrics["m"].Count);
        Assert.Contains("2 values, 3 steps and 2 timestamps", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void A_metrics_file_cut_off_mid_write_keeps_the_metrics_complete_before_the_cut()
    {
        var whole = """
            {
              "a": {"steps": [0, 1], "timestamps": ["2024-03-01T10:00:00", "2024-03-01T10:00:01"], "values": [1.0, 2.0]},
              "b": {"steps": [0, 1], "timestamps": ["2024-03-01T10:00:00", "2024-03-01T10:00:01"], "values": [3.0, 4.0]}
            }
            """;
        _folder.WithMetrics(whole[..whole.IndexOf("4.0", StringComparison.Ordinal)]);

        var result = _folder.Read();

        var run = Assert.Single(result.Runs);
        Assert.Equal(["a"], run.Metrics.Keys);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((_folder.MetricsJson, 3), (problem.Path, problem.Line));
        Assert.Contains("cut off", problem.Message);
        Assert.Contains("metrics complete before this line are read", problem.Message);
    }

    [Fact]
    public void A_metric_that_is_not_a_record_is_skipped_with_a_located_problem()
    {
        _folder.WithMetrics("{\n  \"a\": [1, 2],\n  \"b\": {\"steps\": [5], \"values\": [1.5]}\n}");

        var result = _folder.Read();

        Assert.Equal([new MetricPoint(5, 0, 1.5)], Assert.Single(result.Runs).Metrics["b"]);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("'a' is not a {values, steps, timestamps} record", problem.Message);
    }

    [Fact]
    public void Text_after_the_closing_brace_is_a_located_problem_and_the_metrics_are_kept()
    {
        _folder.WithMetrics("{\"a\": {\"steps\": [0], \"values\": [1.5]}}\n}, \"b\": 1}\n");

        var result = _folder.Read();

        Assert.Equal([new MetricPoint(0, 0, 1.5)], Assert.Single(result.Runs).Metrics["a"]);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((_folder.MetricsJson, 2), (problem.Path, problem.Line));
    }

    [Fact]
    public void An_old_sacred_run_keeps_its_results_in_info_json()
    {
        // Sacred 0.6 wrote no metrics.json: numbers and lists of numbers in info.json are the results.
        _folder.WithInfo("""
            {
              "best_acc": 0.91,
              "logs": {"loss": [0.9, 0.5, NaN], "acc": {"py/tuple": [0.1, 0.2]}},
              "model_name": "wide",
              "mixed": [1, "two"],
              "weights": {"dtype": "float64", "py/object": "numpy.ndarray", "values": [1.5, 2.5]}
            }
            """);

        var result = _folder.Read();

        var run = Assert.Single(result.Runs);
        Assert.Empty(result.Problems);
        Assert.Equal(["best_acc", "logs.acc", "logs.loss", "weights"], run.Metrics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([new MetricPoint(0, 0, 0.91)], run.Metrics["best_acc"]);
        Assert.Equal([new MetricPoint(0, 0, 0.9), new MetricPoint(1, 0, 0.5), new MetricPoint(2, 0, double.NaN)], run.Metrics["logs.loss"]);
        Assert.Equal([new MetricPoint(0, 0, 0.1), new MetricPoint(1, 0, 0.2)], run.Metrics["logs.acc"]);
        Assert.Equal([new MetricPoint(0, 0, 1.5), new MetricPoint(1, 0, 2.5)], run.Metrics["weights"]);
        Assert.Null(run.MetricsFile);
        Assert.Contains(Path.Combine(_folder.Folder, "info.json"), result.Files.Select(f => f.Path));
    }

    [Fact]
    public void A_name_in_both_metrics_json_and_info_json_comes_from_metrics_json()
    {
        _folder.WithMetrics("""{"loss": {"steps": [10], "timestamps": ["2024-03-01T10:00:00"], "values": [0.3]}}""");
        _folder.WithInfo("""{"loss": [9, 9], "final": 0.3}""");

        var run = Assert.Single(_folder.Read().Runs);

        Assert.Equal([new MetricPoint(10, T0, 0.3)], run.Metrics["loss"]);
        Assert.Equal([new MetricPoint(0, 0, 0.3)], run.Metrics["final"]);
    }

    [Fact]
    public void A_metrics_file_that_appears_later_changes_the_stamps()
    {
        var reader = new IdeTracker.Core.Readers.Sacred.SacredRunReader();
        var before = reader.Stamp(_folder.Unit);

        _folder.WithMetrics("{}");

        Assert.Equal(before.Count + 1, reader.Stamp(_folder.Unit).Count);
    }
}
