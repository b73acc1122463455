using System.Text.Json;
using IdeTracker.Core.Tests.TestSupport;
using IdeTracker.Server.Cli;

namespace IdeTracker.Server.Tests.Cli;

public sealed class ScanCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private (int Code, string Out, string Err) Scan(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliCommands.Run(["scan", .. args, "--index", _temp.Combine("index.db")], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Json_lists_every_lightning_version_of_the_corpus_with_its_params()
    {
        var folder = Corpus.PathOf("lightning-csv", "mnist_20epoch_20kparams");

        var (code, output, _) = Scan(folder, "--json");

        Assert.Equal(0, code);
        var runs = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(27, runs.Count);
        var v4 = runs.Single(r => r.GetProperty("name").GetString() == "version_4");
        Assert.Equal("lightning", v4.GetProperty("source").GetString());
        Assert.Equal("0.05", v4.GetProperty("params").GetProperty("dropout").GetString());
        Assert.Equal("lightning_logs/version_4", v4.GetProperty("path").GetString());
        Assert.Equal(
            ["id", "source", "store", "experiment", "name", "parentId", "status", "startTime", "endTime", "params", "metrics", "tags", "path", "starred", "userTags", "gone"],
            v4.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal((false, 0, false), (v4.GetProperty("starred").GetBoolean(), v4.GetProperty("userTags").GetArrayLength(), v4.GetProperty("gone").GetBoolean()));
        var trainLoss = v4.GetProperty("metrics").GetProperty("train_loss");
        Assert.Equal(["last", "min", "max", "count", "lastStep"], trainLoss.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void Json_times_are_iso_utc_with_milliseconds_and_statuses_are_words()
    {
        var folder = Corpus.PathOf("mlflow", "MLFlow_Framework");

        var (code, output, _) = Scan(folder, "--json");

        Assert.Equal(0, code);
        var runs = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(54, runs.Count);
        var dolphin = runs.First(r => r.GetProperty("name").GetString() == "learned-dolphin-872");
        Assert.Equal("2023-10-24T19:46:47.530Z", dolphin.GetProperty("startTime").GetString());
        Assert.Equal("2023-10-24T19:47:00.490Z", dolphin.GetProperty("endTime").GetString());
        Assert.Equal("finished", dolphin.GetProperty("status").GetString());
        Assert.Equal("Default", dolphin.GetProperty("experiment").GetString());
    }

    [Fact]
    public void Problems_go_to_stderr_located_and_the_scan_still_succeeds()
    {
        var workspace = _temp.Combine("ws");
        var store = Path.Combine(workspace, "mlruns");
        RunFixtures.WriteMlflowExperiment(store, "0", "Default");
        var good = RunFixtures.WriteMlflowRun(store, "0", new string('a', 32), "good", metrics: new Dictionary<string, double[]> { ["loss"] = [0.3] });
        File.WriteAllText(Path.Combine(good, "metrics", "acc"), "1700000000000 0.5 0\nthis is not a metric\n");

        var (code, output, error) = Scan(workspace, "--json");

        Assert.Equal(0, code);
        Assert.Contains("mlruns/0/" + new string('a', 32) + "/metrics/acc:2:", error);
        var run = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray());
        Assert.Equal(0.5, run.GetProperty("metrics").GetProperty("acc").GetProperty("last").GetDouble());
    }

    [Fact]
    public void The_table_shows_name_source_status_time_ago_and_the_named_main_metric()
    {
        var workspace = _temp.Combine("ws");
        var store = Path.Combine(workspace, "mlruns");
        RunFixtures.WriteMlflowExperiment(store, "0", "Default");
        var start = DateTimeOffset.UtcNow.AddDays(-3).ToUnixTimeMilliseconds();
        RunFixtures.WriteMlflowRun(store, "0", new string('a', 32), "sunny-run", startMs: start, endMs: start + 133_000,
            metrics: new Dictionary<string, double[]> { ["val_loss"] = [0.9, 0.25] });

        var (code, output, _) = Scan(workspace);

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("NAME", lines[0]);
        Assert.Contains("VAL_LOSS (lower is better)", lines[0]);
        Assert.Contains("sunny-run", lines[1]);
        Assert.Contains("MLflow", lines[1]);
        Assert.Contains("finished", lines[1]);
        Assert.Contains("3 days ago", lines[1]);
        Assert.Contains("2 minutes, 13 seconds", lines[1]);
        Assert.EndsWith("0.25", lines[1].TrimEnd());
    }

    [Fact]
    public void Child_runs_are_listed_right_below_their_parent_however_late_they_started()
    {
        var workspace = _temp.Combine("ws");
        var store = Path.Combine(workspace, "mlruns");
        RunFixtures.WriteMlflowExperiment(store, "0", "Default");
        var start = DateTimeOffset.UtcNow.AddDays(-3).ToUnixTimeMilliseconds();
        RunFixtures.WriteMlflowRun(store, "0", new string('a', 32), "parent", startMs: start);
        RunFixtures.WriteMlflowRun(store, "0", new string('b', 32), "other", startMs: start + 1_000);
        RunFixtures.WriteMlflowRun(store, "0", new string('c', 32), "late-child", startMs: start + 9_000,
            tags: new Dictionary<string, string> { ["mlflow.parentRunId"] = new string('a', 32) });
        RunFixtures.WriteMlflowRun(store, "0", new string('d', 32), "grandchild", startMs: start + 10_000,
            tags: new Dictionary<string, string> { ["mlflow.parentRunId"] = new string('c', 32) });

        var (code, output, _) = Scan(workspace);

        Assert.Equal(0, code);
        var names = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split("  MLflow")[0].TrimEnd()).ToList();
        Assert.Equal(["parent", "  └ late-child", "    └ grandchild", "other"], names);
    }

    [Fact]
    public void A_missing_folder_is_a_usage_error()
    {
        var (code, _, error) = Scan(_temp.Combine("nope"));

        Assert.Equal(2, code);
        Assert.Contains("no such folder", error);
    }

    public void Dispose() => _temp.Dispose();
}
