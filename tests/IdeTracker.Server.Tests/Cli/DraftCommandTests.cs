using System.Diagnostics;
using IdeTracker.Core.Index;
using IdeTracker.Core.Presentation;
using IdeTracker.Core.Tests.TestSupport;
using IdeTracker.Server.Cli;

namespace IdeTracker.Server.Tests.Cli;

/// <summary><c>draft</c> on a copy of the corpus's Sacred sweep: in-process with writers, and once as the built executable.</summary>
public sealed class DraftCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _workspace;
    private readonly string _transcript;

    public DraftCommandTests()
    {
        _workspace = CorpusCopy.Copy("sacred/ml-pws", _temp.Combine("ws"));
        _transcript = _temp.Write(Path.Combine("note", "transcript.txt"), "Smaller model this time. Next I'll try a GRU.");
    }

    public void Dispose() => _temp.Dispose();

    private string IndexPath => _temp.Combine("index.db");

    private (int Code, string Out, string Err) Draft(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliCommands.Run(["draft", .. args], output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The run of the copied sweep whose folder is runs/<paramref name="number"/>, read from an index of its own.</summary>
    private RunDetailsRow RunInFolder(string number)
    {
        using var store = IndexStore.Open(_temp.Combine("check.db"), _workspace);
        IdeTracker.Core.Engine.CreateIndexer(store, new IdeTracker.Core.Discovery.DiscoveryOptions()).IndexWorkspace(_workspace, null, CancellationToken.None);
        return Assert.Single(store.GetAllRunDetails(null), r => r.Run.Directory == Path.Combine(_workspace, "runs", number));
    }

    [Fact]
    public void A_run_folder_gives_a_draft_of_that_run_with_its_params_and_the_plot_beside_the_transcript()
    {
        var run = RunInFolder("3");

        var (code, output, error) = Draft(Path.Combine(_workspace, "runs", "3"), "--transcript", _transcript, "--workspace", _workspace, "--index", IndexPath);

        Assert.True(code == 0, error);
        Assert.StartsWith("# Smaller model this time\n", output, StringComparison.Ordinal);
        Assert.Contains($"**{MarkdownText.EscapeForEditing(run.Run.Name)}**", output, StringComparison.Ordinal);
        Assert.Contains($"| {MarkdownText.Code("seed")} | {MarkdownText.EscapeForEditing(run.Params["seed"])} |", output, StringComparison.Ordinal);
        Assert.Contains("- Next I'll try a GRU.\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var plot = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(_transcript)!, "*.png"));
        Assert.Contains($"](./{Path.GetFileName(plot)})", output, StringComparison.Ordinal);
        Assert.Contains($"Wrote {plot}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_inside_a_run_and_an_id_prefix_find_the_run_and_plots_go_where_asked()
    {
        var run = RunInFolder("2");
        var inside = Directory.CreateDirectory(Path.Combine(_workspace, "runs", "2", "checkpoints")).FullName;
        var plots = _temp.Combine("plots");

        var byFolder = Draft(inside, "--transcript", _transcript, "--workspace", _workspace, "--index", IndexPath, "--plots", plots);
        var byPrefix = Draft(run.Run.Id[..6], "--transcript", _transcript, "--workspace", _workspace, "--index", IndexPath, "--plots", plots);

        Assert.Equal((0, 0), (byFolder.Code, byPrefix.Code));
        Assert.Contains($"id {MarkdownText.Code(run.Run.Id)}", byFolder.Out, StringComparison.Ordinal);
        Assert.Contains($"id {MarkdownText.Code(run.Run.Id)}", byPrefix.Out, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(plots, "*.png"));
    }

    [Fact]
    public void A_run_that_is_not_there_exits_1_saying_what_was_looked_for()
    {
        var (code, output, error) = Draft("no-such-run", "--transcript", _transcript, "--workspace", _workspace, "--index", IndexPath);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains($"no run in {_workspace} has the folder, id, id prefix or name 'no-such-run'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_transcript_or_none_given_exits_2_naming_the_file()
    {
        var missing = _temp.Combine("nowhere.txt");

        var (code, _, error) = Draft("x", "--transcript", missing, "--workspace", _workspace);
        var none = Draft("x", "--workspace", _workspace);

        Assert.Equal(2, code);
        Assert.Contains($"ide-tracker draft: {missing}: no such transcript file", error, StringComparison.Ordinal);
        Assert.Equal(2, none.Code);
        Assert.Contains("--transcript <file> is required", none.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_built_executable_prints_the_draft_to_stdout()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ide-tracker.dll"), "draft", "model-size-sweep #1", "--transcript", _transcript, "--workspace", _workspace, "--index", IndexPath })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stderrRead = process.StandardError.ReadToEndAsync(timeout.Token);
        var stdout = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var stderr = await stderrRead;

        Assert.True(process.ExitCode == 0, stderr);
        Assert.Contains("## Params", stdout, StringComparison.Ordinal);
        Assert.Contains("## Reproduce", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrote", stdout, StringComparison.Ordinal);
    }
}
