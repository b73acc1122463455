using System.Text.Json;
using IdeTracker.Core.Tests.TestSupport;
using StreamJsonRpc;

namespace IdeTracker.Server.Tests.Lsp;

public sealed class LanguageServerTests : IDisposable
{
    private const string RunA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string RunB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string ChildRun = "cccccccccccccccccccccccccccccccc";
    private readonly TempDirectory _temp = new();
    private readonly string _workspace;
    private readonly string _storage;
    private readonly string _store;

    public LanguageServerTests()
    {
        _workspace = _temp.Combine("workspace");
        _storage = _temp.Combine("storage");
        _store = Path.Combine(_workspace, "mlruns");
        RunFixtures.WriteMlflowExperiment(_store, "1", "baseline");
        RunFixtures.WriteMlflowRun(_store, "1", RunA, "alpha", status: 3, startMs: 1700000000000,
            parameters: new Dictionary<string, string> { ["lr"] = "0.001", ["optimizer"] = "adam" },
            metrics: new Dictionary<string, double[]> { ["val_acc"] = [0.5, 0.7, 0.81] });
        RunFixtures.WriteMlflowRun(_store, "1", RunB, "beta", status: 4, startMs: 1700000100000,
            metrics: new Dictionary<string, double[]> { ["val_acc"] = [0.4, 0.6] });
        RunFixtures.WriteMlflowRun(_store, "1", ChildRun, "beta-child", status: 1, startMs: 1700000200000, endMs: null,
            tags: new Dictionary<string, string> { ["mlflow.parentRunId"] = RunB });
        RunFixtures.WriteLightningVersion(_workspace, "lightning_logs", 0, "lr: 0.01\n", "epoch,step,val_acc\n0,9,0.9\n");
    }

    [Fact]
    public async Task Requests_before_initialize_are_refused_with_ServerNotInitialized()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();

        // A second server that was never initialized.
        var (clientStream, serverStream) = Nerdbank.Streams.FullDuplexStream.CreatePair();
        var log = new IdeTracker.Server.Lsp.ServerLogger();
        using var bare = new IdeTracker.Server.Lsp.LanguageServer(log, _ => { });
        using var serverRpc = IdeTracker.Server.Lsp.LanguageServerHost.Connect(serverStream, serverStream, bare, log);
        var formatter = new SystemTextJsonFormatter();
        using var client = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, formatter));
        client.StartListening();

        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() =>
            client.InvokeWithParameterObjectAsync<JsonElement>("ideTracker/runTree", new { }).WaitAsync(InProcessServer.Timeout));
        Assert.Equal(-32002, error.ErrorCode);
    }

    [Fact]
    public async Task Indexing_reports_progress_and_a_ready_status_with_the_run_count()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        var status = await server.WaitUntilIndexedAsync();

        // Live: the running MLflow child and the Lightning version, whose files were both just written; the
        // finished and failed runs are not live however recent their files.
        Assert.Equal(4, status.GetProperty("runs").GetInt32());
        Assert.Equal("4 runs · 2 live", status.GetProperty("summary").GetString());
        Assert.Equal(2, status.GetProperty("live").GetInt32());
        var progress = server.Notifications.Of("$/progress").Select(p => p.GetProperty("value").GetProperty("kind").GetString()).ToList();
        Assert.Equal("begin", progress.First());
        Assert.Equal("end", progress.Last());
        Assert.Equal(1, server.Notifications.Count("window/workDoneProgress/create"));
        Assert.True(File.Exists(Path.Combine(_storage, "index.db")), "the index lives in the storage folder the client passed");
    }

    [Fact]
    public async Task The_run_tree_goes_from_stores_to_experiments_to_runs_to_child_runs()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();

        var top = await server.RequestAsync<JsonElement>("ideTracker/runTree", new { });
        var stores = Nodes(top);
        Assert.Equal(new[] { "mlruns", "workspace" }, stores.Select(s => s.GetProperty("label").GetString()!).Order().ToArray());
        var mlruns = stores.Single(s => s.GetProperty("label").GetString() == "mlruns");
        Assert.Contains("MLflow", mlruns.GetProperty("description").GetString());

        var experiments = Nodes(await server.RequestAsync<JsonElement>("ideTracker/runTree", new { nodeId = mlruns.GetProperty("id").GetString() }));
        var baseline = Assert.Single(experiments);
        Assert.Equal("baseline", baseline.GetProperty("label").GetString());

        var runs = Nodes(await server.RequestAsync<JsonElement>("ideTracker/runTree", new { nodeId = baseline.GetProperty("id").GetString() }));
        Assert.Equal(new[] { "beta", "alpha" }, runs.Select(r => r.GetProperty("label").GetString()!).ToArray());
        var alpha = runs[1];
        Assert.Equal("finished", alpha.GetProperty("status").GetString());
        Assert.Equal("val_acc", alpha.GetProperty("mainMetric").GetProperty("key").GetString());
        Assert.Equal(0.81, alpha.GetProperty("mainMetric").GetProperty("value").GetDouble());
        Assert.StartsWith("val_acc 0.81 · ", alpha.GetProperty("description").GetString());
        Assert.EndsWith("ago", alpha.GetProperty("timeAgo").GetString());
        var beta = runs[0];
        Assert.Equal("failed", beta.GetProperty("status").GetString());
        Assert.True(beta.GetProperty("hasChildren").GetBoolean());

        var children = Nodes(await server.RequestAsync<JsonElement>("ideTracker/runTree", new { nodeId = beta.GetProperty("id").GetString() }));
        var child = Assert.Single(children);
        Assert.Equal("beta-child", child.GetProperty("label").GetString());
        Assert.Equal("running", child.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Run_tree_pages_are_cut_by_offset_and_limit_with_the_total()
    {
        for (var i = 0; i < 7; i++)
        {
            RunFixtures.WriteMlflowRun(_store, "1", $"{i:x32}", $"extra-{i}", startMs: 1600000000000 + i);
        }

        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();
        var mlruns = Nodes(await server.RequestAsync<JsonElement>("ideTracker/runTree", new { })).Single(s => s.GetProperty("label").GetString() == "mlruns");
        var experiment = Nodes(await server.RequestAsync<JsonElement>("ideTracker/runTree", new { nodeId = mlruns.GetProperty("id").GetString() }))[0];

        var page = await server.RequestAsync<JsonElement>("ideTracker/runTree", new { nodeId = experiment.GetProperty("id").GetString(), offset = 3, limit = 4 });

        Assert.Equal(9, page.GetProperty("total").GetInt32());
        Assert.Equal(3, page.GetProperty("offset").GetInt32());
        Assert.Equal(new[] { "extra-5", "extra-4", "extra-3", "extra-2" }, Nodes(page).Select(n => n.GetProperty("label").GetString()!).ToArray());
    }

    [Fact]
    public async Task Run_details_carry_params_metrics_and_a_markdown_tooltip()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();
        var runId = await FindRunIdAsync(server, "alpha");

        var details = await server.RequestAsync<JsonElement>("ideTracker/runDetails", new { runId });

        Assert.Equal("alpha", details.GetProperty("name").GetString());
        Assert.Equal("0.001", details.GetProperty("params").GetProperty("lr").GetString());
        Assert.Equal(3, details.GetProperty("metrics").GetProperty("val_acc").GetProperty("count").GetInt32());
        Assert.Equal("1 minute", details.GetProperty("duration").GetString());
        var tooltip = details.GetProperty("tooltip").GetString()!;
        Assert.Contains("**alpha**", tooltip);
        Assert.Contains("|val\\_acc|0.81|0.5|0.81|3|", tooltip);
        Assert.Contains("|lr|0\\.001|", tooltip);
    }

    [Fact]
    public async Task A_changed_metric_file_is_reindexed_and_announced_and_the_tree_shows_the_new_value()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();
        var runId = await FindRunIdAsync(server, "alpha");
        var changesBefore = server.Notifications.Count("ideTracker/runsChanged");

        var runDir = Path.Combine(_store, "1", RunA);
        RunFixtures.AppendMlflowMetric(runDir, "val_acc", 1700000009000, 0.93, 3);
        await server.Client.NotifyWithParameterObjectAsync("workspace/didChangeWatchedFiles", new
        {
            changes = new[] { new { uri = IdeTracker.Server.Lsp.DocumentUris.FromPath(Path.Combine(runDir, "metrics", "val_acc")), type = 2 } },
        });

        var changed = await server.Notifications.WaitForAsync("ideTracker/runsChanged", skip: changesBefore);
        Assert.False(changed.GetProperty("all").GetBoolean());
        Assert.Equal(new[] { runId! }, changed.GetProperty("runIds").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var details = await server.RequestAsync<JsonElement>("ideTracker/runDetails", new { runId });
        Assert.Equal(0.93, details.GetProperty("metrics").GetProperty("val_acc").GetProperty("last").GetDouble());
    }

    [Fact]
    public async Task A_new_run_folder_appears_after_its_file_events()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();
        var changesBefore = server.Notifications.Count("ideTracker/runsChanged");

        var dir = RunFixtures.WriteMlflowRun(_store, "1", "dddddddddddddddddddddddddddddddd", "delta");
        await server.Client.NotifyWithParameterObjectAsync("workspace/didChangeWatchedFiles", new
        {
            changes = new[] { new { uri = IdeTracker.Server.Lsp.DocumentUris.FromPath(Path.Combine(dir, "meta.yaml")), type = 1 } },
        });

        await server.Notifications.WaitForAsync("ideTracker/runsChanged", skip: changesBefore);
        Assert.NotNull(await FindRunIdAsync(server, "delta"));
    }

    [Fact]
    public async Task Shutdown_then_exit_ends_the_server_with_code_zero()
    {
        var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();

        await server.RequestAsync<JsonElement?>("shutdown");
        await server.Client.NotifyAsync("exit");

        Assert.Equal(0, await server.ExitCode.WaitAsync(InProcessServer.Timeout));
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_one()
    {
        var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();

        await server.Client.NotifyAsync("exit");

        Assert.Equal(1, await server.ExitCode.WaitAsync(InProcessServer.Timeout));
        await server.DisposeAsync();
    }

    [Fact]
    public async Task An_unknown_tree_node_id_is_an_invalid_request_not_a_crash()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();

        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => server.RequestAsync<JsonElement>("ideTracker/runTree", new { nodeId = "not json" }));

        Assert.Equal(-32600, error.ErrorCode);
        var top = await server.RequestAsync<JsonElement>("ideTracker/runTree", new { });
        Assert.NotEmpty(Nodes(top));
    }

    private static async Task<string?> FindRunIdAsync(InProcessServer server, string name)
    {
        var pending = new Queue<string?>([null]);
        while (pending.Count > 0)
        {
            var nodeId = pending.Dequeue();
            var page = await server.RequestAsync<JsonElement>("ideTracker/runTree", new { nodeId, limit = 5000 });
            foreach (var node in Nodes(page))
            {
                if (node.GetProperty("kind").GetString() == "run" && node.GetProperty("label").GetString() == name)
                {
                    return node.GetProperty("runId").GetString();
                }

                if (node.GetProperty("hasChildren").GetBoolean() && node.GetProperty("kind").GetString() != "problems")
                {
                    pending.Enqueue(node.GetProperty("id").GetString());
                }
            }
        }

        return null;
    }

    private static JsonElement[] Nodes(JsonElement page) => page.GetProperty("nodes").EnumerateArray().ToArray();

    public void Dispose() => _temp.Dispose();
}
