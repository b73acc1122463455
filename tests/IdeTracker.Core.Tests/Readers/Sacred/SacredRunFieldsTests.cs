using IdeTracker.Core.Model;

namespace IdeTracker.Core.Tests.Readers.Sacred;

/// <summary>What a run.json says beyond status and times, on generated files: command line, label, note,
/// result, packages, repositories, host.</summary>
public sealed class SacredRunFieldsTests : IDisposable
{
    private readonly SacredRunFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Config_updates_and_named_configs_are_the_label_and_the_command_line_is_rebuilt()
    {
        _folder.WithRun(SacredRunFolder.RunJsonText(meta: """
            {
              "command": "train",
              "comment": "try the wide model",
              "config_updates": {"lr": 0.1, "dataset": {"name": "mnist"}},
              "named_configs": ["small"],
              "options": {
                "--comment": "try the wide model", "--debug": false, "--file_storage": "runs", "--force": true,
                "--name": null, "COMMAND": "train", "UPDATE": ["small", "lr=0.1", "dataset.name=mnist"], "help": false, "with": true
              },
              "priority": 3
            }
            """));

        var run = Assert.Single(_folder.Read().Runs);

        Assert.Equal("small lr=0.1 dataset.name=mnist", run.Label);
        Assert.Equal("try the wide model", run.Note);
        Assert.Equal("train.py train --comment='try the wide model' --file_storage=runs --force with small lr=0.1 dataset.name=mnist", run.Command);
        Assert.Equal("3", run.Tags["sacred.priority"]);
    }

    [Theory]
    [InlineData("0.9731", 0.9731)]
    [InlineData("NaN", double.NaN)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    [InlineData("""{"dtype": "float32", "py/object": "numpy.float32", "value": 0.25}""", 0.25)]
    public void A_numeric_result_is_the_metric_result_at_the_stop_time(string json, double expected)
    {
        _folder.WithRun(SacredRunFolder.RunJsonText(result: json));

        var result = _folder.Read();

        var run = Assert.Single(result.Runs);
        Assert.Empty(result.Problems);
        var point = Assert.Single(run.Metrics["result"]);
        Assert.Equal(new MetricPoint(0, new DateTimeOffset(2024, 3, 1, 11, 0, 0, 500, TimeSpan.Zero).ToUnixTimeMilliseconds(), expected), point);
        Assert.DoesNotContain("sacred.result", run.Tags.Keys);
    }

    [Fact]
    public void A_result_that_is_not_a_number_is_a_tag()
    {
        _folder.WithRun(SacredRunFolder.RunJsonText(result: """{"py/tuple": [0.9, "best"]}"""));

        var run = Assert.Single(_folder.Read().Runs);

        Assert.Equal("""{"py/tuple": [0.9, "best"]}""", run.Tags["sacred.result"]);
        Assert.DoesNotContain("result", run.Metrics.Keys);
    }

    [Fact]
    public void Host_repositories_and_dependencies_fill_the_environment_git_and_packages()
    {
        _folder.WithRun("""
            {
              "experiment": {
                "name": "gen", "mainfile": "train.py", "base_dir": "/src",
                "dependencies": ["numpy==1.26.0", "mylib==<unknown>"],
                "repositories": [
                  {"commit": "aaaa", "dirty": false, "url": "https://example.com/a.git"},
                  {"commit": "bbbb", "dirty": true, "url": "https://example.com/b.git"}
                ]
              },
              "host": {
                "ENV": {"CUDA_VISIBLE_DEVICES": "0,1", "USER": "ada"},
                "cpu": "AMD EPYC",
                "gpus": {"driver_version": "550.1", "gpus": [
                  {"model": "NVIDIA A100", "persistence_mode": false, "total_memory": 40960},
                  {"model": "NVIDIA A100", "persistence_mode": false, "total_memory": 40960}]},
                "hostname": "node7",
                "os": ["Linux", "Linux-6.1-x86_64"],
                "python_version": "3.11.4",
                "slurm": {"job_id": 42}
              },
              "status": "COMPLETED"
            }
            """);

        var run = Assert.Single(_folder.Read().Runs);

        Assert.Equal("aaaa", run.GitCommit);
        Assert.False(run.GitDirty);
        Assert.Equal("https://example.com/a.git", run.Tags["git.url"]);
        Assert.Equal("https://example.com/b.git", run.Tags["git.1.url"]);
        Assert.Equal("bbbb", run.Tags["git.1.commit"]);
        Assert.Equal("true", run.Tags["git.1.dirty"]);
        Assert.Equal(new Dictionary<string, string> { ["numpy"] = "1.26.0", ["mylib"] = "" }, run.Packages);
        Assert.Equal("node7", run.Host);
        Assert.Equal("ada", run.User);
        Assert.Equal("2 × NVIDIA A100", run.Environment["gpu"]);
        Assert.Equal("2", run.Environment["gpu_count"]);
        Assert.Equal("2 × 40960 MiB", run.Environment["gpu_memory"]);
        Assert.Equal("0,1", run.Environment["env.cuda_visible_devices"]);
        Assert.Equal("42", run.Environment["slurm.job_id"]);
        Assert.Equal("Linux-6.1-x86_64", run.Environment["os"]);
        Assert.Equal("train.py", run.Command);
        Assert.Equal("gen #7", run.Name);
    }

    [Fact]
    public void A_run_json_without_an_experiment_is_named_by_its_id()
    {
        _folder.WithRun("""{"status": "COMPLETED"}""");

        var run = Assert.Single(_folder.Read().Runs);

        Assert.Equal("#7", run.Name);
        Assert.Null(run.Experiment);
        Assert.Null(run.Command);
    }
}
