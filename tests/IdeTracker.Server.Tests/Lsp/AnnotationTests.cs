using System.Text.Json;
using IdeTracker.Core.Annotations;
using IdeTracker.Core.Model;
using IdeTracker.Core.Tests.TestSupport;
using StreamJsonRpc;

namespace IdeTracker.Server.Tests.Lsp;

/// <summary>Stars, tags and notes through the real server: setAnnotation, the files it writes, edits made on disk
/// and announced by the client's watcher, and runs whose files are gone.</summary>
public sealed class AnnotationTests : IDisposable
{
    private const string RunA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string RunB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private readonly TempDirectory _temp = new();
    private readonly string _workspace;
    private readonly string _storage;
    private readonly string _store;

    public AnnotationTests()
    {
        _workspace = _temp.Combine("workspace");
        _storage = _temp.Combine("storage");
        _store = Path.Combine(_workspace, "mlruns");
        RunFixtures.WriteMlflowExperiment(_store, "1", "baseline");
        RunFixtures.WriteMlflowRun(_store, "1", RunA, "alpha <script>alert(1)</script>", startMs: 1700000000000,
            parameters: new Dictionary<string, string> { ["lr"] = "0.001" },
            metrics: new Dictionary<string, double[]> { ["val_acc"] = [0.5, 0.81] });
        RunFixtures.WriteMlflowRun(_store, "1", RunB, "beta", startMs: 1700000100000,
            metrics: new Dictionary<string, double[]> { ["val_acc"] = [0.4, 0.6] });
    }

    private static string IdOf(string nativeId) => RunIds.Make("mlflow", "mlruns", nativeId);

    private string FileOf(string nativeId) => Path.Combine(_workspace, ".ide-tracker", "runs", IdOf(nativeId) + ".json");

    [Fact]
    public async Task Setting_an_annotation_writes_its_file_announces_the_run_and_shows_in_the_tree_and_the_tooltip()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();
        var changesBefore = server.Notifications.Count("ideTracker/runsChanged");

        var stored = await server.RequestAsync<JsonElement>("ideTracker/setAnnotation", new
        {
            runId = IdOf(RunA), starred = true, tags = new[] { "baseline", "#<img src=x>" }, note = "warm-up *helps* <b>a lot</b>",
        });

        Assert.True(stored.GetProperty("starred").GetBoolean());
        Assert.Equal(["<img src=x>", "baseline"], stored.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
        Assert.Equal(FileOf(RunA), stored.GetProperty("file").GetString());
        Assert.EndsWith("}\n", File.ReadAllText(FileOf(RunA)), StringComparison.Ordinal);
        var changed = await server.Notifications.WaitForAsync("ideTracker/runsChanged", skip: changesBefore);
        Assert.Equal([IdOf(RunA)], changed.GetProperty("runIds").EnumerateArray().Select(e => e.GetString()!));

        var node = await RunNodeAsync(server, IdOf(RunA));
        Assert.True(node.GetProperty("starred").GetBoolean());
        Assert.Equal(["<img src=x>", "baseline"], node.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
        Assert.StartsWith("#<img src=x> #baseline · val_acc 0.81 · ", node.GetProperty("description").GetString());
        var other = await RunNodeAsync(server, IdOf(RunB));
        Assert.False(other.TryGetProperty("starred", out var none) && none.ValueKind == JsonValueKind.True);

        var details = await server.RequestAsync<JsonElement>("ideTracker/runDetails", new { runId = IdOf(RunA) });
        var annotation = details.GetProperty("annotation");
        Assert.Equal("warm-up *helps* <b>a lot</b>", annotation.GetProperty("note").GetString());
        var tooltip = details.GetProperty("tooltip").GetString()!;
        Assert.StartsWith("★ **alpha \\<script\\>", tooltip, StringComparison.Ordinal);
        Assert.Contains("` #<img src=x> `", tooltip, StringComparison.Ordinal);
        Assert.Contains("> warm\\-up \\*helps\\* \\<b\\>a lot\\</b\\>", tooltip, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", tooltip, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_on_disk_announced_by_the_watcher_is_picked_up()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();
        await server.RequestAsync<JsonElement>("ideTracker/setAnnotation", new { runId = IdOf(RunB), starred = true });
        var annotation = AnnotationFileFormat.Read(FileOf(RunB)).Annotation!;
        File.WriteAllText(FileOf(RunB), AnnotationFileFormat.Serialize(annotation with { Starred = false, Tags = ["pulled"], Note = "from git" }));
        var changesBefore = server.Notifications.Count("ideTracker/runsChanged");

        await NotifyChangedAsync(server, FileOf(RunB), type: 2);

        var changed = await server.Notifications.WaitForAsync("ideTracker/runsChanged", skip: changesBefore);
        Assert.Equal([IdOf(RunB)], changed.GetProperty("runIds").EnumerateArray().Select(e => e.GetString()!));
        var details = await server.RequestAsync<JsonElement>("ideTracker/runDetails", new { runId = IdOf(RunB) });
        Assert.Equal("from git", details.GetProperty("annotation").GetProperty("note").GetString());
        Assert.False(details.GetProperty("annotation").GetProperty("starred").GetBoolean());
        Assert.StartsWith("#pulled · ", (await RunNodeAsync(server, IdOf(RunB))).GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_file_edited_into_invalid_json_is_a_problem_the_file_is_kept_byte_for_byte_and_setAnnotation_refuses()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();
        await server.RequestAsync<JsonElement>("ideTracker/setAnnotation", new { runId = IdOf(RunA), note = "mine" });
        File.WriteAllText(FileOf(RunA), File.ReadAllText(FileOf(RunA)).Replace("\"note\": \"mine\"", "\"note\": mine", StringComparison.Ordinal));
        var bytes = File.ReadAllBytes(FileOf(RunA));
        var changesBefore = server.Notifications.Count("ideTracker/runsChanged");

        await NotifyChangedAsync(server, FileOf(RunA), type: 2);
        await server.Notifications.WaitForAsync("ideTracker/runsChanged", skip: changesBefore);

        var top = Nodes(await server.RequestAsync<JsonElement>("ideTracker/runTree", new { }));
        var problemsNode = top.Single(n => n.GetProperty("kind").GetString() == "problems");
        var problem = Assert.Single(Nodes(await server.RequestAsync<JsonElement>("ideTracker/runTree", new { nodeId = problemsNode.GetProperty("id").GetString() })));
        Assert.Equal($".ide-tracker/runs/{IdOf(RunA)}.json:6", problem.GetProperty("label").GetString());
        Assert.Equal(6, problem.GetProperty("line").GetInt32());

        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() =>
            server.RequestAsync<JsonElement>("ideTracker/setAnnotation", new { runId = IdOf(RunA), starred = true }));
        Assert.Equal(-32803, error.ErrorCode);
        Assert.Contains(FileOf(RunA) + ":6:", error.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(FileOf(RunA)));
        Assert.Equal(2, (await server.RequestAsync<JsonElement>("ideTracker/runDetails", new { runId = IdOf(RunB) })).GetProperty("metrics").GetProperty("val_acc").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_starred_run_whose_folder_is_deleted_stays_as_files_gone_and_is_whole_again_when_it_comes_back()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();
        await server.RequestAsync<JsonElement>("ideTracker/setAnnotation", new { runId = IdOf(RunA), starred = true });
        var folder = Path.Combine(_store, "1", RunA);
        var away = _temp.Combine("away");
        Directory.Move(folder, away);
        var changesBefore = server.Notifications.Count("ideTracker/runsChanged");

        await NotifyChangedAsync(server, folder, type: 3);
        await server.Notifications.WaitForAsync("ideTracker/runsChanged", p => p.GetProperty("runIds").EnumerateArray().Any(e => e.GetString() == IdOf(RunA)), skip: changesBefore);

        var ghost = await RunNodeAsync(server, IdOf(RunA));
        Assert.True(ghost.GetProperty("gone").GetBoolean());
        Assert.True(ghost.GetProperty("starred").GetBoolean());
        Assert.StartsWith("files gone · val_acc 0.81 · ", ghost.GetProperty("description").GetString(), StringComparison.Ordinal);
        var details = await server.RequestAsync<JsonElement>("ideTracker/runDetails", new { runId = IdOf(RunA) });
        Assert.True(details.GetProperty("gone").GetBoolean());
        Assert.Equal("0.001", details.GetProperty("params").GetProperty("lr").GetString());
        Assert.Contains("Files gone", details.GetProperty("tooltip").GetString(), StringComparison.Ordinal);

        Directory.Move(away, folder);
        changesBefore = server.Notifications.Count("ideTracker/runsChanged");
        await NotifyChangedAsync(server, folder, type: 1);
        await server.Notifications.WaitForAsync("ideTracker/runsChanged", p => p.GetProperty("runIds").EnumerateArray().Any(e => e.GetString() == IdOf(RunA)), skip: changesBefore);

        var back = await RunNodeAsync(server, IdOf(RunA));
        Assert.False(back.TryGetProperty("gone", out var gone) && gone.ValueKind == JsonValueKind.True);
        Assert.True(back.GetProperty("starred").GetBoolean());
        Assert.Equal(2, (await server.RequestAsync<JsonElement>("ideTracker/runDetails", new { runId = IdOf(RunA) })).GetProperty("metrics").GetProperty("val_acc").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_starred_live_runs_snapshot_is_refreshed_once_the_run_is_quiet_not_at_every_line()
    {
        const string Live = "cccccccccccccccccccccccccccccccc";
        var dir = RunFixtures.WriteMlflowRun(_store, "1", Live, "gamma", status: 1, startMs: 1700000200000, endMs: null,
            metrics: new Dictionary<string, double[]> { ["val_acc"] = [0.1] });
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();
        await server.RequestAsync<JsonElement>("ideTracker/setAnnotation", new { runId = IdOf(Live), starred = true });
        var written = File.ReadAllBytes(FileOf(Live));
        var changesBefore = server.Notifications.Count("ideTracker/runsChanged");

        RunFixtures.AppendMlflowMetric(dir, "val_acc", 1700000201000, 0.3, 1);
        await NotifyChangedAsync(server, Path.Combine(dir, "metrics", "val_acc"), type: 2);
        await server.Notifications.WaitForAsync("ideTracker/runsChanged", p => p.GetProperty("runIds").EnumerateArray().Any(e => e.GetString() == IdOf(Live)), skip: changesBefore);
        Assert.Equal(written, File.ReadAllBytes(FileOf(Live)));

        await server.Server.HousekeepAsync(DateTimeOffset.UtcNow.AddMinutes(6));

        var snapshot = AnnotationFileFormat.Read(FileOf(Live)).Annotation!.Snapshot!;
        Assert.Equal(0.3, snapshot.Metrics["val_acc"]);
        Assert.Equal("running", snapshot.Status);
    }

    [Fact]
    public async Task Annotating_a_run_that_is_not_indexed_fails_as_a_failed_request()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();

        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() =>
            server.RequestAsync<JsonElement>("ideTracker/setAnnotation", new { runId = "0000000000000000", starred = true }));

        Assert.Equal(-32803, error.ErrorCode);
        Assert.False(Directory.Exists(Path.Combine(_workspace, ".ide-tracker")));
    }

    private static Task NotifyChangedAsync(InProcessServer server, string path, int type) =>
        server.Client.NotifyWithParameterObjectAsync("workspace/didChangeWatchedFiles", new
        {
            changes = new[] { new { uri = IdeTracker.Server.Lsp.DocumentUris.FromPath(path), type } },
        });

    private static async Task<JsonElement> RunNodeAsync(InProcessServer server, string runId)
    {
        var pending = new Queue<string?>([null]);
        while (pending.Count > 0)
        {
            var page = await server.RequestAsync<JsonElement>("ideTracker/runTree", new { nodeId = pending.Dequeue(), limit = 5000 });
            foreach (var node in Nodes(page))
            {
                if (node.TryGetProperty("runId", out var id) && id.GetString() == runId)
                {
                    return node;
                }

                if (node.GetProperty("kind").GetString() is "store" or "experiment")
                {
                    pending.Enqueue(node.GetProperty("id").GetString());
                }
            }
        }

        throw new Xunit.Sdk.XunitException($"no run {runId} in the tree");
    }

    private static JsonElement[] Nodes(JsonElement page) => page.GetProperty("nodes").EnumerateArray().ToArray();

    public void Dispose() => _temp.Dispose();
}
