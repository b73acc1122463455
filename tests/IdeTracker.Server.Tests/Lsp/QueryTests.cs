using System.Text.Json;
using IdeTracker.Core.Tests.TestSupport;
using StreamJsonRpc;

namespace IdeTracker.Server.Tests.Lsp;

/// <summary><c>ideTracker/query</c> and the filtered <c>ideTracker/runTree</c>, on the real server in process.</summary>
public sealed class QueryTests : IDisposable
{
    private const string RunA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string RunB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string ChildRun = "cccccccccccccccccccccccccccccccc";
    private const string RunD = "dddddddddddddddddddddddddddddddd";
    private readonly TempDirectory _temp = new();
    private readonly string _workspace;
    private readonly string _storage;

    public QueryTests()
    {
        _workspace = _temp.Combine("workspace");
        _storage = _temp.Combine("storage");
        var store = Path.Combine(_workspace, "mlruns");
        RunFixtures.WriteMlflowExperiment(store, "1", "baseline");
        RunFixtures.WriteMlflowExperiment(store, "2", "tuning");
        RunFixtures.WriteMlflowRun(store, "1", RunA, "alpha", status: 3, startMs: 1700000000000,
            parameters: new Dictionary<string, string> { ["lr"] = "0.001", ["optimizer"] = "adam" },
            metrics: new Dictionary<string, double[]> { ["val_acc"] = [0.5, 0.7, 0.81] });
        RunFixtures.WriteMlflowRun(store, "1", RunB, "beta", status: 4, startMs: 1700000100000,
            parameters: new Dictionary<string, string> { ["lr"] = "0.01", ["optimizer"] = "sgd" },
            metrics: new Dictionary<string, double[]> { ["val_acc"] = [0.4, 0.6] });
        RunFixtures.WriteMlflowRun(store, "1", ChildRun, "beta-child", status: 3, startMs: 1700000200000,
            parameters: new Dictionary<string, string> { ["lr"] = "0.1", ["optimizer"] = "adam" },
            metrics: new Dictionary<string, double[]> { ["val_acc"] = [0.95] },
            tags: new Dictionary<string, string> { ["mlflow.parentRunId"] = RunB });
        RunFixtures.WriteMlflowRun(store, "2", RunD, "delta", status: 3, startMs: 1700000300000,
            parameters: new Dictionary<string, string> { ["lr"] = "0.5", ["optimizer"] = "sgd" },
            metrics: new Dictionary<string, double[]> { ["val_acc"] = [0.3] });
        RunFixtures.WriteLightningVersion(_workspace, "lightning_logs", 0, "lr: 0.01\n", "epoch,step,val_acc\n0,9,0.9\n");
    }

    [Fact]
    public async Task A_query_returns_the_matching_runs_flat_as_tree_run_nodes_sorted_and_counted()
    {
        await using var server = await StartAsync();

        var result = await server.RequestAsync<JsonElement>("ideTracker/query", new { filter = "optimizer = adam or lr = 0.01", sort = "-val_acc", limit = 3 });

        Assert.Equal(4, result.GetProperty("total").GetInt32());
        Assert.True(Error(result).ValueKind is JsonValueKind.Undefined or JsonValueKind.Null);
        var runs = result.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["beta-child", "version_0", "alpha"], runs.Select(r => r.GetProperty("label").GetString()));
        var child = runs[0];
        Assert.Equal("run", child.GetProperty("kind").GetString());
        Assert.False(child.GetProperty("hasChildren").GetBoolean());
        Assert.Equal(0.95, child.GetProperty("mainMetric").GetProperty("value").GetDouble());
        Assert.StartsWith("val_acc 0.95 · ", child.GetProperty("description").GetString());
        Assert.Equal("mlflow", child.GetProperty("source").GetString());
        Assert.Equal("lightning", runs[1].GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_query_pages_from_an_offset_and_limit_zero_only_counts()
    {
        await using var server = await StartAsync();

        var page = await server.RequestAsync<JsonElement>("ideTracker/query", new { filter = "source:mlflow", sort = "name", offset = 1, limit = 2 });
        var count = await server.RequestAsync<JsonElement>("ideTracker/query", new { filter = "source:mlflow", limit = 0 });
        var all = await server.RequestAsync<JsonElement>("ideTracker/query", new { });

        Assert.Equal(["beta", "beta-child"], page.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("label").GetString()));
        Assert.Equal((4, 1), (page.GetProperty("total").GetInt32(), page.GetProperty("offset").GetInt32()));
        Assert.Equal(4, count.GetProperty("total").GetInt32());
        Assert.Empty(count.GetProperty("runs").EnumerateArray());
        Assert.Equal(5, all.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_filter_that_does_not_parse_comes_back_as_a_located_error_and_the_server_keeps_answering()
    {
        await using var server = await StartAsync();

        var result = await server.RequestAsync<JsonElement>("ideTracker/query", new { filter = "lr < 0.01 and (optimizer = adam" });
        var unknown = await server.RequestAsync<JsonElement>("ideTracker/query", new { filter = "val_ac > 0.5" });
        var sort = await server.RequestAsync<JsonElement>("ideTracker/query", new { filter = "lr < 1", sort = "-val_ac" });
        var good = await server.RequestAsync<JsonElement>("ideTracker/query", new { filter = "lr < 0.01" });

        var error = Error(result);
        Assert.Equal("column 32: expected ')' to close the '(' at column 15, found the end of the filter", error.GetProperty("message").GetString());
        Assert.Equal(31, error.GetProperty("position").GetInt32());
        Assert.Equal(1, error.GetProperty("length").GetInt32());
        Assert.Equal([")"], error.GetProperty("expected").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("filter", error.GetProperty("field").GetString());
        Assert.Empty(result.GetProperty("runs").EnumerateArray());
        Assert.Equal(["val_acc"], Error(unknown).GetProperty("expected").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(("sort", 1), (Error(sort).GetProperty("field").GetString(), Error(sort).GetProperty("position").GetInt32()));
        Assert.Equal(["alpha"], good.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task A_filtered_tree_counts_only_matching_runs_hides_what_has_none_and_lists_runs_flat()
    {
        await using var server = await StartAsync();
        const string Filter = "optimizer = adam";

        var stores = Nodes(await server.RequestAsync<JsonElement>("ideTracker/runTree", new { filter = Filter }));
        var mlruns = Assert.Single(stores);
        var experiments = Nodes(await server.RequestAsync<JsonElement>("ideTracker/runTree", new { nodeId = mlruns.GetProperty("id").GetString(), filter = Filter }));
        var baseline = Assert.Single(experiments);
        var runs = Nodes(await server.RequestAsync<JsonElement>("ideTracker/runTree", new { nodeId = baseline.GetProperty("id").GetString(), filter = Filter }));
        var unfiltered = Nodes(await server.RequestAsync<JsonElement>("ideTracker/runTree", new { nodeId = baseline.GetProperty("id").GetString() }));

        Assert.Equal("mlruns", mlruns.GetProperty("label").GetString());
        Assert.Equal(2, mlruns.GetProperty("childCount").GetInt32());
        Assert.Contains("2 runs", mlruns.GetProperty("description").GetString());
        Assert.Equal(("baseline", 2), (baseline.GetProperty("label").GetString(), baseline.GetProperty("childCount").GetInt32()));
        Assert.Equal(["beta-child", "alpha"], runs.Select(r => r.GetProperty("label").GetString()));
        Assert.All(runs, r => Assert.False(r.GetProperty("hasChildren").GetBoolean()));
        Assert.Equal(["beta", "alpha"], unfiltered.Select(r => r.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task A_tree_filter_that_does_not_parse_is_an_invalid_params_error_carrying_the_location()
    {
        await using var server = await StartAsync();

        // StreamJsonRpc's client calls every InvalidParams error "method not found"; the code on the wire is what counts.
        var error = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() =>
            server.RequestAsync<JsonElement>("ideTracker/runTree", new { filter = "status:done" }));
        var tree = await server.RequestAsync<JsonElement>("ideTracker/runTree", new { });

        Assert.Equal(StreamJsonRpc.Protocol.JsonRpcErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("column 8: expected a status (running, finished", error.Message);
        var data = Assert.IsType<JsonElement>(error.DeserializedErrorData);
        Assert.Equal(7, data.GetProperty("position").GetInt32());
        Assert.Equal("filter", data.GetProperty("field").GetString());
        Assert.Equal(2, Nodes(tree).Length);
    }

    private async Task<InProcessServer> StartAsync()
    {
        var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();
        return server;
    }

    private static JsonElement Error(JsonElement result) =>
        result.TryGetProperty("error", out var error) ? error : default;

    private static JsonElement[] Nodes(JsonElement page) => page.GetProperty("nodes").EnumerateArray().ToArray();

    public void Dispose() => _temp.Dispose();
}
