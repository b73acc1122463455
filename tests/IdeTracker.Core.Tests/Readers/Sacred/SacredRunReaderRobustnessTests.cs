using System.Text;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Sacred;

namespace IdeTracker.Core.Tests.Readers.Sacred;

/// <summary>Bad input on generated run folders: truncated, empty, garbage, huge and non-UTF-8 files give located
/// problems while the rest of the run is read.</summary>
public sealed class SacredRunReaderRobustnessTests : IDisposable
{
    private const string Config = """{"lr": 0.1, "seed": 1}""";
    private const string Metrics = """{"loss": {"steps": [0], "timestamps": ["2024-03-01T10:00:00"], "values": [0.5]}}""";

    private readonly SacredRunFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_run_json_cut_off_mid_rewrite_still_leaves_the_run_with_its_config_and_metrics()
    {
        var whole = SacredRunFolder.RunJsonText();
        _folder.WithRun(whole[..(whole.Length / 2)]).WithConfig(Config).WithMetrics(Metrics);

        var result = _folder.Read();

        var run = Assert.Single(result.Runs);
        Assert.Equal(RunStatus.Unknown, run.Status);
        Assert.Equal("#7", run.Name);
        Assert.Equal("0.1", run.Params["lr"]);
        Assert.Single(run.Metrics["loss"]);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(_folder.RunJson, problem.Path);
        Assert.Contains("cut off", problem.Message);
        Assert.InRange(problem.Line, 1, whole[..(whole.Length / 2)].Count(c => c == '\n') + 1);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("\u0001\u0002garbage", "not valid JSON")]
    [InlineData("[1, 2, 3]", "not a JSON object")]
    public void A_run_json_that_is_not_one_is_a_problem_and_the_run_is_still_listed(string text, string message)
    {
        _folder.WithRun(text).WithConfig(Config);

        var result = _folder.Read();

        Assert.Equal("1", Assert.Single(result.Runs).Params["seed"]);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(_folder.RunJson, problem.Path);
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_replaced_with_a_warning_and_the_file_is_read()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"name\": \"caf\u00e9\", \"seed\": 3}");
        var e = Array.IndexOf(bytes, (byte)0xC3);
        bytes = [.. bytes[..e], 0xE9, .. bytes[(e + 2)..]]; // Latin-1 é
        _folder.WithRun(SacredRunFolder.RunJsonText()).With(SacredRunReader.ConfigFileName, bytes);

        var result = _folder.Read();

        var run = Assert.Single(result.Runs);
        Assert.Equal("caf\uFFFD", run.Params["name"]);
        Assert.Equal("3", run.Params["seed"]);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((_folder.ConfigJson, ProblemSeverity.Warning), (problem.Path, problem.Severity));
        Assert.Contains("not valid UTF-8", problem.Message);
    }

    [Fact]
    public void A_config_larger_than_its_cap_is_not_loaded()
    {
        _folder.WithRun(SacredRunFolder.RunJsonText());
        using (var stream = File.Create(_folder.ConfigJson))
        {
            stream.SetLength(ConfigJsonFile.MaxBytes + 1);
        }

        var result = _folder.Read();

        Assert.Empty(Assert.Single(result.Runs).Params);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(_folder.ConfigJson, problem.Path);
        Assert.Contains("larger than the 16 MB", problem.Message);
    }

    [Fact]
    public void A_metrics_file_of_garbage_is_a_located_problem()
    {
        _folder.WithRun(SacredRunFolder.RunJsonText()).WithMetrics("{\n\"a\": {\"values\": [1, 2 3]}}");

        var result = _folder.Read();

        Assert.Empty(Assert.Single(result.Runs).Metrics);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((_folder.MetricsJson, 2), (problem.Path, problem.Line));
    }

    [Fact]
    public void A_folder_without_run_json_is_no_run_and_says_so()
    {
        _folder.WithConfig(Config);

        var result = _folder.Read();

        Assert.Empty(result.Runs);
        Assert.Equal(_folder.Folder, Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void A_folder_that_vanished_is_no_run_and_no_problem()
    {
        var result = new SacredRunReader().Read(_folder.Unit, CancellationToken.None);

        Assert.Empty(result.Runs);
        Assert.Empty(result.Problems);
        Assert.Empty(result.Files);
    }

    [Fact]
    public void A_cancelled_read_throws_only_cancellation()
    {
        _folder.WithRun(SacredRunFolder.RunJsonText());

        Assert.Throws<OperationCanceledException>(() => new SacredRunReader().Read(_folder.Unit, new CancellationToken(canceled: true)));
    }
}
