using System.Text;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Dvc;

namespace IdeTracker.Core.Tests.Readers.Dvc;

/// <summary>Damaged, odd and oversized files in a generated project: each gives located problems and the rest
/// of the run is still read.</summary>
public sealed class DvcProjectReaderBadInputTests : IDisposable
{
    private const string Tsv = "dvclive/plots/metrics/loss.tsv";

    private readonly ProjectFolderFixture _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Garbage_dvc_yaml_is_a_problem_and_dvclive_is_still_read()
    {
        _project.Write("dvc.yaml", [0x00, 0xff, 0x7b, 0x5b, 0x3a, 0x0a, 0x2d, 0x20, 0x7d]);
        _project.Write(Tsv, "step\tloss\n0\t0.5\n");

        var result = _project.Read();

        Assert.Equal([new MetricPoint(0, 0, 0.5)], Assert.Single(result.Runs).Metrics["loss"]);
        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, p => Assert.Equal(_project.PathOf("dvc.yaml"), p.Path));
    }

    [Fact]
    public void A_truncated_dvc_lock_keeps_the_dependencies_before_the_cut()
    {
        _project.Write("dvc.yaml", "stages:\n  prepare:\n    cmd: python prepare.py\n");
        _project.Write("dvc.lock", "schema: '2.0'\nstages:\n  prepare:\n    deps:\n    - path: data.csv\n      md5: aaa\n      size: 10\n    - path: other.csv\n      md5: \"bbb\n");

        var result = _project.Read();

        var run = Assert.Single(result.Runs);
        // The second dependency's path came before the cut, its digest after it.
        Assert.Equal([new DataInput("project/data.csv", "md5:aaa", 10, null), new DataInput("project/other.csv", null, null, null)], run.DataInputs);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(_project.PathOf("dvc.lock"), problem.Path);
        Assert.True(problem.Line >= 9, $"line {problem.Line}");
        Assert.StartsWith("not valid YAML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dvc_lock_that_is_not_a_mapping_is_a_problem()
    {
        _project.Write("dvc.yaml", "stages: {}\n");
        _project.Write("dvc.lock", "- just\n- a list\n");

        var problem = Assert.Single(_project.Read().Problems);

        Assert.Equal("is not a mapping of stages; nothing read from it", problem.Message);
        Assert.Equal(1, problem.Line);
    }

    [Fact]
    public void The_old_dvc_lock_layout_without_schema_is_read()
    {
        _project.Write("dvc.yaml", "stages: {}\n");
        _project.Write("dvc.lock", "train:\n  cmd: python train.py\n  deps:\n  - path: data\n    md5: 1234.dir\n  params:\n    params.yaml:\n      lr: 0.5\n");

        var run = Assert.Single(_project.Read().Runs);

        Assert.Equal([new DataInput("project/data", "md5:1234.dir", null, null)], run.DataInputs);
        // params.yaml is not there: dvc.lock's values are what the stage ran with.
        Assert.Equal("0.5", run.Params["lr"]);
    }

    [Fact]
    public void Invalid_metrics_json_is_located_and_the_tsv_history_is_kept()
    {
        _project.Write("dvclive/metrics.json", "{\n  \"loss\": 0.5,\n  \"acc\": oops\n}");
        _project.Write(Tsv, "step\tloss\n0\t0.5\n");

        var result = _project.Read();

        Assert.Equal([new MetricPoint(0, 0, 0.5)], Assert.Single(result.Runs).Metrics["loss"]);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(_project.PathOf("dvclive/metrics.json"), problem.Path);
        Assert.Equal(3, problem.Line);
        Assert.StartsWith("not valid JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Python_json_nan_and_infinity_are_metric_values()
    {
        _project.Write("dvclive/metrics.json", """{"a": NaN, "b": Infinity, "c": -Infinity, "d": "NaN text", "e": true, "nested": {"x": 1e-3}}""");

        var result = _project.Read();

        var metrics = Assert.Single(result.Runs).Metrics;
        Assert.Empty(result.Problems);
        Assert.True(double.IsNaN(metrics["a"][0].Value));
        Assert.Equal(double.PositiveInfinity, metrics["b"][0].Value);
        Assert.Equal(double.NegativeInfinity, metrics["c"][0].Value);
        Assert.Equal(0.001, metrics["nested/x"][0].Value);
        // A string and a boolean are not metrics.
        Assert.Equal(["a", "b", "c", "nested/x"], metrics.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bad_tsv_rows_are_located_and_skipped()
    {
        _project.Write(Tsv, "timestamp\tstep\tloss\n1\t0\t0.5\n2\t1\n3\tx\t0.4\n4\t3\tnope\n5\t4\t0.3\textra\ny\t5\t0.2\n6\t6\tnan\n");

        var result = _project.Read();

        Assert.Equal([new MetricPoint(0, 1, 0.5), new MetricPoint(6, 6, double.NaN)], Assert.Single(result.Runs).Metrics["loss"]);
        Assert.Equal([3, 4, 5, 6, 7], result.Problems.Select(p => p.Line));
        Assert.All(result.Problems, p => Assert.Equal(_project.PathOf(Tsv), p.Path));
        Assert.Equal("step 'x' is not a whole number; skipped", result.Problems[1].Message);
        Assert.Equal("value 'nope' is not a number; skipped", result.Problems[2].Message);
    }

    [Fact]
    public void A_tsv_without_a_header_is_not_read()
    {
        _project.Write(Tsv, "0\t0.5\n1\t0.4\n");

        var result = _project.Read();

        Assert.Empty(Assert.Single(result.Runs).Metrics);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((1, ProblemSeverity.Error), (problem.Line, problem.Severity));
    }

    [Fact]
    public void Non_utf8_bytes_and_an_overlong_line_in_a_tsv_are_located()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("step\tloss\n0\t0.5\n1\t"));
        bytes.AddRange([0xff, 0xfe, (byte)'\n']);
        bytes.AddRange(Encoding.UTF8.GetBytes("2\t" + new string('9', MetricsTsv.MaxLineBytes + 10) + "\n3\t0.1\n"));
        _project.Write(Tsv, [.. bytes]);

        var result = _project.Read();

        Assert.Equal([new MetricPoint(0, 0, 0.5), new MetricPoint(3, 0, 0.1)], Assert.Single(result.Runs).Metrics["loss"]);
        Assert.Equal([3, 4], result.Problems.Select(p => p.Line));
    }

    [Fact]
    public void More_bad_rows_than_the_cap_end_with_a_count()
    {
        _project.Write(Tsv, "step\tloss\n" + string.Concat(Enumerable.Range(0, 150).Select(i => $"{i}\tbad\n")));

        var problems = _project.Read().Problems;

        Assert.Equal(MetricsTsv.ProblemLimit + 1, problems.Count);
        Assert.Equal("50 more problems in this file are not listed", problems[^1].Message);
    }

    [Fact]
    public void A_tsv_larger_than_the_cap_is_skipped_with_a_problem()
    {
        _project.Write(Tsv, "step\tloss\n0\t1\n");
        using (var stream = new FileStream(_project.PathOf(Tsv), FileMode.Open))
        {
            // Sparse: no disk space is used for the length.
            stream.SetLength(MetricsTsv.MaxBytes + 1);
        }

        _project.Write("dvclive/plots/metrics/acc.tsv", "step\tacc\n0\t0.9\n");

        var result = _project.Read();

        Assert.Equal(["acc"], Assert.Single(result.Runs).Metrics.Keys);
        Assert.Contains("larger than the 256 MB", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Params_files_in_json_and_toml_are_read_and_python_ones_are_noted()
    {
        _project.Write("dvc.yaml", "stages:\n  train:\n    cmd: x\n    params:\n      - conf.json:\n      - conf.toml:\n      - conf.py:\n");
        _project.Write("conf.json", """{"model": {"layers": [64, 32]}, "name": "cnn"}""");
        _project.Write("conf.toml", "[optim]\nlr = 0.001\nnesterov = true\n");
        _project.Write("conf.py", "LR = 0.1\n");

        var result = _project.Read();

        var run = Assert.Single(result.Runs);
        Assert.Equal(new Dictionary<string, string>
        {
            ["model.layers.0"] = "64",
            ["model.layers.1"] = "32",
            ["name"] = "cnn",
            ["optim.lr"] = "0.001",
            ["optim.nesterov"] = "true",
        }, run.Params);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((_project.PathOf("conf.py"), ProblemSeverity.Information), (problem.Path, problem.Severity));
    }

    [Fact]
    public void Invalid_toml_is_located()
    {
        _project.Write("dvc.yaml", "stages:\n  train:\n    cmd: x\n    params:\n      - conf.toml:\n");
        _project.Write("conf.toml", "a = 1\nb = = 2\n");

        var problem = Assert.Single(_project.Read().Problems);

        Assert.Equal(2, problem.Line);
        Assert.StartsWith("not valid TOML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_utf8_params_yaml_is_a_warning_and_still_read()
    {
        _project.Write("dvc.yaml", "stages: {}\n");
        _project.Write("params.yaml", [.. Encoding.UTF8.GetBytes("name: caf"), 0xe9, (byte)'\n', .. Encoding.UTF8.GetBytes("lr: 0.1\n")]);

        var result = _project.Read();

        Assert.Equal("0.1", Assert.Single(result.Runs).Params["lr"]);
        Assert.Contains("not valid UTF-8", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_two_params_files_disagree_on_is_kept_from_both()
    {
        _project.Write("dvc.yaml", "stages: {}\n");
        _project.Write("params.yaml", "lr: 0.1\nseed: 1\n");
        _project.Write("dvclive/params.yaml", "lr: 0.2\nseed: 1\n");

        var run = Assert.Single(_project.Read().Runs);

        Assert.Equal(new Dictionary<string, string> { ["lr"] = "0.1", ["seed"] = "1", ["dvclive/params.yaml:lr"] = "0.2" }, run.Params);
    }

    [Fact]
    public void Deep_nesting_and_alias_bombs_are_bounded()
    {
        var deep = string.Concat(Enumerable.Range(0, 5000).Select(_ => "[")) + string.Concat(Enumerable.Range(0, 5000).Select(_ => "]"));
        _project.Write("dvc.yaml", "stages:\n  a: " + deep + "\n");
        var bomb = new StringBuilder("schema: '2.0'\nstages:\n  train:\n    params:\n      params.yaml:\n        l0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            bomb.Append(System.Globalization.CultureInfo.InvariantCulture, $"        l{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        _project.Write("dvc.lock", bomb.ToString());

        var result = _project.Read();

        var run = Assert.Single(result.Runs);
        Assert.True(run.Params.Count <= NodeFlattener.MaxLeaves);
        Assert.Contains(result.Problems, p => p.Path == _project.PathOf("dvc.yaml") && p.Message.Contains("nested deeper", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Path == _project.PathOf("dvc.lock"));
    }

    [Fact]
    public void A_folder_without_a_project_is_a_warning_and_a_vanished_one_gives_nothing()
    {
        _project.Write("README.md", "nothing here\n");
        var result = _project.Read();
        Assert.Empty(result.Runs);
        Assert.Equal(_project.Folder, Assert.Single(result.Problems).Path);

        Directory.Delete(_project.Folder, recursive: true);
        var gone = _project.Read();
        Assert.Empty(gone.Runs);
        Assert.Empty(gone.Problems);
        Assert.Empty(_project.Reader.Stamp(_project.Unit));
    }

    [Fact]
    public void Templated_entries_are_skipped_and_foreach_stages_are_read()
    {
        _project.Write("dvc.yaml", """
            vars:
              - config.yaml
            stages:
              train:
                foreach: [a, b]
                do:
                  cmd: python train.py ${item}
                  params:
                    - ${item}.yaml:
                    - tracked.yaml:
                        - lr
                  metrics:
                    - results/${item}.json
                    - results/summary.json
            """);
        _project.Write("tracked.yaml", "lr: 0.3\nbatch: 8\n");
        _project.Write("results/summary.json", """{"score": 0.7}""");

        var run = Assert.Single(_project.Read().Runs);

        Assert.Equal(new Dictionary<string, string> { ["lr"] = "0.3" }, run.Params);
        Assert.Equal([new MetricPoint(0, 0, 0.7)], run.Metrics["score"]);
        Assert.Equal("python train.py ${item}", run.Command);
    }

    [Fact]
    public void A_dvclive_folder_elsewhere_named_in_dvc_yaml_is_read_with_its_images()
    {
        _project.Write("dvc.yaml", "stages:\n  train:\n    cmd: python train.py\n    metrics:\n      - results/train/metrics.json\n");
        _project.Write("results/train/metrics.json", """{"dice": 0.8, "step": 1}""");
        _project.Write("results/train/plots/metrics/dice.tsv", "step\tdice\n0\t0.6\n1\t0.8\n");
        _project.Write("results/train/plots/images/sample.png", [0x89, 0x50]);
        _project.Write("results/train/plots/sklearn/confusion.json", "[]");

        var run = Assert.Single(_project.Read().Runs);

        Assert.Equal([new MetricPoint(0, 0, 0.6), new MetricPoint(1, 0, 0.8)], run.Metrics["dice"]);
        Assert.Equal([new RunMedia("sample.png", "image", 1, 0), new RunMedia("confusion.json", "table", 1, 0)], run.Media);
        Assert.Equal(_project.PathOf("results/train/metrics.json"), run.MetricsFile);
    }

    [Fact]
    public void A_metrics_json_key_without_a_history_is_one_point_at_its_step()
    {
        _project.Write("dvclive/metrics.json", """{"train": {"loss": 0.2, "acc": 0.9}, "step": 7}""");
        _project.Write("dvclive/plots/metrics/train/loss.tsv", "step\ttrain/loss\n6\t0.3\n7\t0.2\n");

        var run = Assert.Single(_project.Read().Runs);

        Assert.Equal([new MetricPoint(7, 0, 0.9)], run.Metrics["train/acc"]);
        Assert.Equal(2, run.Metrics["train/loss"].Count);
        Assert.False(run.Metrics.ContainsKey("step"));
    }

    [Fact]
    public void A_metric_two_files_disagree_on_is_kept_from_both()
    {
        _project.Write("dvc.yaml", "metrics:\n  - train.json\n  - eval.json\n  - again.json\n");
        _project.Write("train.json", """{"acc": 0.9}""");
        _project.Write("eval.json", """{"acc": 0.8}""");
        _project.Write("again.json", """{"acc": 0.9}""");

        var run = Assert.Single(_project.Read().Runs);

        Assert.Equal(["acc", "eval.json:acc"], run.Metrics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0.8, run.Metrics["eval.json:acc"][0].Value);
        Assert.Equal(_project.PathOf("train.json"), run.MetricsFile);
    }
}
