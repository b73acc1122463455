using IdeTracker.Core.Annotations;
using IdeTracker.Core.Model;
using IdeTracker.Core.Tests.TestSupport;
using IdeTracker.Server.Cli;

namespace IdeTracker.Server.Tests.Cli;

public sealed class AnnotateCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _workspace;

    public AnnotateCommandTests()
    {
        _workspace = _temp.Combine("ws");
        var store = Path.Combine(_workspace, "mlruns");
        RunFixtures.WriteMlflowExperiment(store, "1", "exp");
        RunFixtures.WriteMlflowRun(store, "1", "aaaa1111", "alpha", parameters: new Dictionary<string, string> { ["lr"] = "0.1" });
        RunFixtures.WriteMlflowRun(store, "1", "aaaa2222", "beta");
        RunFixtures.WriteMlflowRun(store, "1", "bbbb3333", "beta");
    }

    private static string IdOf(string nativeId) => RunIds.Make("mlflow", "mlruns", nativeId);

    private string FileOf(string nativeId) => Path.Combine(_workspace, ".ide-tracker", "runs", IdOf(nativeId) + ".json");

    private (int Code, string Out, string Err) Annotate(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliCommands.Run(["annotate", _workspace, .. args, "--index", _temp.Combine("index.db")], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_run_named_exactly_is_starred_tagged_and_noted_and_the_file_path_is_printed()
    {
        var (code, output, _) = Annotate("alpha", "--star", "--tag", "baseline", "--tag", "#sweep", "--note", "first try");

        Assert.Equal(0, code);
        Assert.Contains($"alpha ({IdOf("aaaa1111")})", output, StringComparison.Ordinal);
        Assert.Contains("tags:    #baseline #sweep", output, StringComparison.Ordinal);
        Assert.Contains($"Wrote {FileOf("aaaa1111")}", output, StringComparison.Ordinal);
        var annotation = AnnotationFileFormat.Read(FileOf("aaaa1111")).Annotation!;
        Assert.Equal((true, "first try", "0.1"), (annotation.Starred, annotation.Note, annotation.Snapshot!.Params["lr"]));
        Assert.Equal(["baseline", "sweep"], annotation.Tags);
    }

    [Fact]
    public void A_unique_id_prefix_finds_the_run_and_untag_unstar_and_clear_note_undo_what_was_set()
    {
        Annotate("alpha", "--star", "--tag", "baseline", "--tag", "keep", "--note", "n");
        var prefix = IdOf("aaaa1111")[..6];

        var (code, output, _) = Annotate(prefix, "--unstar", "--untag", "baseline", "--clear-note");

        Assert.Equal(0, code);
        Assert.Contains("starred: no", output, StringComparison.Ordinal);
        var annotation = AnnotationFileFormat.Read(FileOf("aaaa1111")).Annotation!;
        Assert.Equal((false, null), (annotation.Starred, annotation.Note));
        Assert.Equal(["keep"], annotation.Tags);
    }

    [Fact]
    public void An_ambiguous_name_or_an_unknown_run_fails_and_writes_nothing()
    {
        var (ambiguous, _, ambiguousError) = Annotate("beta", "--star");
        var (unknown, _, unknownError) = Annotate("gamma", "--star");

        Assert.Equal((1, 1), (ambiguous, unknown));
        Assert.Contains("could be any of 2 runs", ambiguousError, StringComparison.Ordinal);
        Assert.Contains("no run has the id, id prefix or name 'gamma'", unknownError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_workspace, ".ide-tracker")));
    }

    [Fact]
    public void A_file_that_does_not_parse_is_reported_with_its_line_and_left_as_it_was()
    {
        var path = _temp.Write($"ws/.ide-tracker/runs/{IdOf("aaaa1111")}.json", "{\n  \"starred\": tru\n}\n");
        var bytes = File.ReadAllBytes(path);

        var (code, _, error) = Annotate("alpha", "--tag", "x");

        Assert.Equal(1, code);
        Assert.Contains(path + ":2:", error, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_starred_run_whose_folder_is_deleted_is_still_listed_by_scan_as_files_gone()
    {
        Annotate("alpha", "--star");
        Directory.Delete(Path.Combine(_workspace, "mlruns", "1", "aaaa1111"), recursive: true);
        var output = new StringWriter();

        var code = CliCommands.Run(["scan", _workspace, "--index", _temp.Combine("index.db")], output, new StringWriter());

        Assert.Equal(0, code);
        var alpha = output.ToString().Split('\n').Single(line => line.StartsWith("alpha", StringComparison.Ordinal));
        Assert.Contains("finished, files gone", alpha, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_and_runs_json_carry_the_star_the_user_s_tags_and_whether_the_files_are_gone()
    {
        Annotate("alpha", "--star", "--tag", "baseline", "--tag", "sweep");
        Annotate(IdOf("aaaa2222"), "--star");
        Directory.Delete(Path.Combine(_workspace, "mlruns", "1", "aaaa2222"), recursive: true);

        var scan = Json("scan", _workspace, "--json");
        var starred = Json("runs", _workspace, "--where", "starred", "--json");

        var byId = scan.ToDictionary(r => r.GetProperty("id").GetString()!);
        var alpha = byId[IdOf("aaaa1111")];
        var goneBeta = byId[IdOf("aaaa2222")];
        var otherBeta = byId[IdOf("bbbb3333")];
        Assert.Equal((true, false), (alpha.GetProperty("starred").GetBoolean(), alpha.GetProperty("gone").GetBoolean()));
        Assert.Equal(["baseline", "sweep"], alpha.GetProperty("userTags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Object, alpha.GetProperty("tags").ValueKind);
        Assert.Equal((true, true), (goneBeta.GetProperty("starred").GetBoolean(), goneBeta.GetProperty("gone").GetBoolean()));
        Assert.Equal((false, 0, false), (otherBeta.GetProperty("starred").GetBoolean(), otherBeta.GetProperty("userTags").GetArrayLength(), otherBeta.GetProperty("gone").GetBoolean()));
        Assert.Equal(
            [IdOf("aaaa1111"), IdOf("aaaa2222")],
            starred.Select(r => r.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
    }

    private List<System.Text.Json.JsonElement> Json(params string[] args)
    {
        var output = new StringWriter();
        var code = CliCommands.Run([.. args, "--index", _temp.Combine("index.db")], output, new StringWriter());
        Assert.Equal(0, code);
        return [.. System.Text.Json.JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray()];
    }

    [Theory]
    [InlineData("alpha")]
    [InlineData("alpha", "--star", "--unstar")]
    [InlineData("alpha", "--note", "a", "--clear-note")]
    [InlineData("alpha", "--tag")]
    [InlineData("--star")]
    public void Arguments_that_make_no_sense_are_a_usage_error(params string[] args)
    {
        var (code, _, error) = Annotate(args);

        Assert.Equal(2, code);
        Assert.Contains("annotate <folder> <run>", error, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
