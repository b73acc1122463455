using System.Globalization;
using System.Text.Json;
using IdeTracker.Core.Tests.TestSupport;
using IdeTracker.Server.Cli;

namespace IdeTracker.Server.Tests.Cli;

public sealed class RunsCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private (int Code, string Out, string Err) Cli(string verb, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliCommands.Run([verb, .. args, "--index", _temp.Combine("index.db")], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Json_holds_exactly_the_runs_scan_json_lists_that_the_filter_selects_in_the_same_shape()
    {
        var folder = Corpus.PathOf("lightning-csv", "mnist_20epoch_20kparams");

        var (scanCode, scanOut, _) = Cli("scan", folder, "--json");
        var (code, output, _) = Cli("runs", folder, "--json", "--where", "dropout = 0.05 or dropout > 0.4");

        Assert.Equal((0, 0), (scanCode, code));
        var all = JsonDocument.Parse(scanOut).RootElement.EnumerateArray().ToList();
        var expected = all.Where(r => r.GetProperty("params").TryGetProperty("dropout", out var d)
                && double.Parse(d.GetString()!, CultureInfo.InvariantCulture) is var v && (v == 0.05 || v > 0.4))
            .Select(r => r.GetRawText()).Order().ToList();
        var runs = JsonDocument.Parse(output).RootElement.EnumerateArray().Select(r => r.GetRawText()).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < all.Count);
        Assert.Equal(expected, runs);
    }

    [Fact]
    public void The_table_lists_matching_runs_flat_in_sort_order_cut_at_the_limit()
    {
        var workspace = Workspace();

        var (code, output, error) = Cli("runs", workspace, "--where", "optimizer = adam or status:failed", "--sort", "-val_loss", "--limit", "2");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("NAME", lines[0]);
        Assert.Contains("VAL_LOSS (lower is better)", lines[0]);
        Assert.Equal(["failed-run", "child-run"], lines.Skip(1).Select(l => l.Split(' ')[0]));
        Assert.Contains("3 runs matched of 4 runs, 2 shown", error);
    }

    [Fact]
    public void Without_a_filter_every_run_is_listed_newest_first()
    {
        var workspace = Workspace();

        var (code, output, _) = Cli("runs", workspace, "--json");

        Assert.Equal(0, code);
        Assert.Equal(["newest", "child-run", "failed-run", "parent-run"],
            JsonDocument.Parse(output).RootElement.EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }

    [Fact]
    public void A_filter_with_a_syntax_error_is_shown_with_a_caret_and_exits_2_before_anything_is_indexed()
    {
        var workspace = Workspace();

        var (code, output, error) = Cli("runs", workspace, "--where", "lr < 0.01 and (optimizer = adam");

        Assert.Equal(RunsCommand.BadFilter, code);
        Assert.Empty(output);
        var lines = error.Split('\n');
        Assert.Equal("ide-tracker runs: --where does not parse:", lines[0]);
        Assert.Equal("  lr < 0.01 and (optimizer = adam", lines[1]);
        Assert.Equal("  " + new string(' ', 31) + "^", lines[2]);
        Assert.Equal("  column 32: expected ')' to close the '(' at column 15, found the end of the filter", lines[3]);
        Assert.False(File.Exists(_temp.Combine("index.db")));
    }

    [Fact]
    public void An_unknown_name_is_underlined_whole_with_suggestions()
    {
        var workspace = Workspace();

        var (code, _, error) = Cli("runs", workspace, "--where", "optimiser = adam");

        Assert.Equal(2, code);
        Assert.Contains("\n  optimiser = adam\n  ^~~~~~~~~\n", error);
        Assert.Contains("column 1: expected a param, metric or run field the index knows, found 'optimiser' (did you mean 'optimizer'?)", error);
    }

    [Fact]
    public void A_bad_sort_is_shown_under_the_sort()
    {
        var workspace = Workspace();

        var (code, _, error) = Cli("runs", workspace, "--sort", "-val_los");

        Assert.Equal(2, code);
        Assert.Contains("ide-tracker runs: --sort does not parse:\n  -val_los\n   ^~~~~~~\n", error);
        Assert.Contains("did you mean 'val_loss'", error);
    }

    [Theory]
    [InlineData("--limit", "0", "--limit takes a whole number of at least 1, not '0'")]
    [InlineData("--limit", "ten", "--limit takes a whole number of at least 1, not 'ten'")]
    [InlineData("--where", null, "--where needs a value")]
    public void Bad_options_are_usage_errors(string option, string? value, string message)
    {
        var workspace = Workspace();
        string[] args = value is null ? [workspace, option] : [workspace, option, value];

        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliCommands.Run(["runs", .. args], output, error);

        Assert.Equal(2, code);
        Assert.Contains($"ide-tracker runs: {message}", error.ToString());
        Assert.Contains("--where \"<filter>\"", error.ToString());
    }

    [Fact]
    public void A_missing_folder_names_the_runs_verb()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = CliCommands.Run(["runs", "--where", "lr < 1"], output, error);

        Assert.Equal(2, code);
        Assert.Contains("which folder? (runs <folder>)", error.ToString());
    }

    private string Workspace()
    {
        var workspace = _temp.Combine("ws");
        var store = Path.Combine(workspace, "mlruns");
        RunFixtures.WriteMlflowExperiment(store, "0", "Default");
        var start = DateTimeOffset.UtcNow.AddDays(-3).ToUnixTimeMilliseconds();
        RunFixtures.WriteMlflowRun(store, "0", new string('a', 32), "parent-run", startMs: start,
            parameters: new Dictionary<string, string> { ["optimizer"] = "adam" },
            metrics: new Dictionary<string, double[]> { ["val_loss"] = [0.5, 0.2] });
        RunFixtures.WriteMlflowRun(store, "0", new string('b', 32), "failed-run", status: 4, startMs: start + 1_000,
            parameters: new Dictionary<string, string> { ["optimizer"] = "sgd" },
            metrics: new Dictionary<string, double[]> { ["val_loss"] = [0.9] });
        RunFixtures.WriteMlflowRun(store, "0", new string('c', 32), "child-run", startMs: start + 2_000,
            parameters: new Dictionary<string, string> { ["optimizer"] = "adam" },
            metrics: new Dictionary<string, double[]> { ["val_loss"] = [0.3] },
            tags: new Dictionary<string, string> { ["mlflow.parentRunId"] = new string('a', 32) });
        RunFixtures.WriteMlflowRun(store, "0", new string('d', 32), "newest", startMs: start + 3_000,
            parameters: new Dictionary<string, string> { ["optimizer"] = "rmsprop" });
        return workspace;
    }

    public void Dispose() => _temp.Dispose();
}
