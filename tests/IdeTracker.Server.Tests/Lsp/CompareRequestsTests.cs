using System.Text.Json;
using IdeTracker.Core.Tests.TestSupport;
using StreamJsonRpc;

namespace IdeTracker.Server.Tests.Lsp;

/// <summary>compare, metricSeries and the lineage tree through the real server over JSON-RPC.</summary>
public sealed class CompareRequestsTests : IDisposable
{
    private const string RunA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string RunB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string RunC = "cccccccccccccccccccccccccccccccc";
    private readonly TempDirectory _temp = new();
    private readonly string _workspace;
    private readonly string _storage;

    public CompareRequestsTests()
    {
        _workspace = _temp.Combine("workspace");
        _storage = _temp.Combine("storage");
        var store = Path.Combine(_workspace, "mlruns");
        var longLoss = Enumerable.Range(0, 5_000).Select(i => i == 2_500 ? double.NaN : 1.0 / (i + 1)).ToArray();
        RunFixtures.WriteMlflowExperiment(store, "1", "sweep");
        RunFixtures.WriteMlflowRun(store, "1", RunA, "alpha", startMs: 1700000000000,
            parameters: new Dictionary<string, string> { ["lr"] = "0.01", ["batch_size"] = "32" },
            metrics: new Dictionary<string, double[]> { ["val_acc"] = [0.5, 0.7], ["loss"] = longLoss });
        RunFixtures.WriteMlflowRun(store, "1", RunB, "beta", startMs: 1700000100000,
            parameters: new Dictionary<string, string> { ["lr"] = "0.001", ["batch_size"] = "32" },
            metrics: new Dictionary<string, double[]> { ["val_acc"] = [0.6, 0.8] });
        RunFixtures.WriteMlflowRun(store, "1", RunC, "gamma", startMs: 1700000200000,
            parameters: new Dictionary<string, string> { ["lr"] = "1e-3", ["batch_size"] = "64" },
            metrics: new Dictionary<string, double[]> { ["val_acc"] = [0.65] });
    }

    public void Dispose() => _temp.Dispose();

    private static string Id(string native) => Core.Model.RunIds.Make("mlflow", "mlruns", native);

    [Fact]
    public async Task Compare_puts_the_runs_side_by_side_in_the_order_asked()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();

        var result = await server.RequestAsync<JsonElement>("ideTracker/compare", new { runIds = new[] { Id(RunB), "unknown", Id(RunA) } });

        Assert.Equal(["beta", "alpha"], result.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(["unknown"], result.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        var lr = result.GetProperty("params").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "lr");
        Assert.Equal(["0.001", "0.01"], lr.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.True(lr.GetProperty("differs").GetBoolean());
        Assert.Equal("val_acc", result.GetProperty("mainMetric").GetString());
        var acc = result.GetProperty("metrics")[0];
        Assert.Equal("val_acc", acc.GetProperty("key").GetString());
        Assert.Equal(0, acc.GetProperty("bestIndex").GetInt32());
        Assert.Equal(0.8, acc.GetProperty("values")[0].GetProperty("best").GetDouble());
        var loss = result.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "loss");
        Assert.False(loss.GetProperty("higherIsBetter").GetBoolean());
        Assert.Equal(JsonValueKind.Null, loss.GetProperty("values")[0].ValueKind);
    }

    [Fact]
    public async Task Metric_series_arrive_downsampled_to_two_thousand_points_with_nan_as_a_named_literal()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();

        var result = await server.RequestAsync<JsonElement>("ideTracker/metricSeries", new { runIds = new[] { Id(RunA), Id(RunB) }, keys = new[] { "loss", "val_acc" } });

        var series = result.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal([(Id(RunA), "loss"), (Id(RunA), "val_acc"), (Id(RunB), "val_acc")],
            series.Select(s => (s.GetProperty("runId").GetString(), s.GetProperty("key").GetString())));
        var loss = series[0];
        Assert.Equal(5_000, loss.GetProperty("total").GetInt32());
        var values = loss.GetProperty("values").EnumerateArray().ToList();
        Assert.InRange(values.Count, 1_990, 2_000);
        Assert.Equal(values.Count, loss.GetProperty("steps").GetArrayLength());
        var nan = Assert.Single(values, v => v.ValueKind == JsonValueKind.String);
        Assert.Equal("NaN", nan.GetString());
        Assert.Equal([0.6, 0.8], series[2].GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public async Task Requests_over_the_limits_get_an_invalid_params_error_naming_the_limit()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();
        // StreamJsonRpc's client surfaces InvalidParams as its RemoteMethodNotFoundException, whatever the message says; the wire carries -32602 and the message.
        var ids = Enumerable.Range(0, 501).Select(i => $"run{i}").ToArray();

        var compare = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => server.RequestAsync<JsonElement>("ideTracker/compare", new { runIds = ids }));
        var series = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => server.RequestAsync<JsonElement>("ideTracker/metricSeries", new { runIds = ids, keys = new[] { "loss" } }));

        Assert.Equal(-32602, (int)compare.ErrorCode);
        Assert.Contains("500", compare.Message);
        Assert.Equal(-32602, (int)series.ErrorCode);
        Assert.Contains("500 runs", series.Message);
        var stillServing = await server.RequestAsync<JsonElement>("ideTracker/compare", new { runIds = new[] { Id(RunA) } });
        Assert.Equal(1, stillServing.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public async Task The_lineage_tree_hangs_each_run_under_the_one_it_changed_from()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();

        var store = (await Children(server, null)).Single();
        var experiment = (await Children(server, store.GetProperty("id").GetString())).Single();
        var root = (await Children(server, experiment.GetProperty("id").GetString())).Single();
        var second = (await Children(server, root.GetProperty("id").GetString())).Single();
        var third = (await Children(server, second.GetProperty("id").GetString())).Single();

        Assert.Equal("alpha", root.GetProperty("label").GetString());
        Assert.False(root.TryGetProperty("change", out _));
        Assert.Equal("beta", second.GetProperty("label").GetString());
        Assert.Equal("lr 0.01 → 0.001", second.GetProperty("change").GetString());
        Assert.Equal("gamma", third.GetProperty("label").GetString());
        Assert.Equal("batch_size 32 → 64", third.GetProperty("change").GetString());
        Assert.StartsWith("batch_size 32 → 64 · val_acc 0.65", third.GetProperty("description").GetString());
        Assert.False(third.GetProperty("hasChildren").GetBoolean());
    }

    [Fact]
    public async Task A_run_indexed_after_the_lineage_was_worked_out_takes_its_place_in_it()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();
        var experiment = (await Children(server, (await Children(server, null)).Single().GetProperty("id").GetString())).Single();
        var root = (await Children(server, experiment.GetProperty("id").GetString())).Single();
        Assert.Equal(1, root.GetProperty("childCount").GetInt32());
        var changesBefore = server.Notifications.Count("ideTracker/runsChanged");

        var dir = RunFixtures.WriteMlflowRun(Path.Combine(_workspace, "mlruns"), "1", "dddddddddddddddddddddddddddddddd", "delta", startMs: 1700000300000,
            parameters: new Dictionary<string, string> { ["lr"] = "0.01", ["batch_size"] = "128" });
        await server.Client.NotifyWithParameterObjectAsync("workspace/didChangeWatchedFiles", new
        {
            changes = new[] { new { uri = IdeTracker.Server.Lsp.DocumentUris.FromPath(Path.Combine(dir, "meta.yaml")), type = 1 } },
        });
        await server.Notifications.WaitForAsync("ideTracker/runsChanged", skip: changesBefore);

        var underRoot = await Children(server, root.GetProperty("id").GetString());
        Assert.Equal(["beta", "delta"], underRoot.Select(n => n.GetProperty("label").GetString()));
        Assert.Equal("batch_size 32 → 128", underRoot[1].GetProperty("change").GetString());
    }

    [Fact]
    public async Task Under_a_filter_the_lineage_links_the_matching_runs_only()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();
        const string Filter = "batch_size = 64 or lr = 0.01";

        var store = (await Children(server, null, Filter)).Single();
        var experiment = (await Children(server, store.GetProperty("id").GetString(), Filter)).Single();
        var root = (await Children(server, experiment.GetProperty("id").GetString(), Filter)).Single();
        var child = (await Children(server, root.GetProperty("id").GetString(), Filter)).Single();

        Assert.Equal(2, experiment.GetProperty("childCount").GetInt32());
        Assert.Equal("alpha", root.GetProperty("label").GetString());
        Assert.Equal("gamma", child.GetProperty("label").GetString());
        Assert.Equal("batch_size 32 → 64, lr 0.01 → 1e-3", child.GetProperty("change").GetString());
        Assert.Equal("beta", (await Children(server, root.GetProperty("id").GetString())).Single().GetProperty("label").GetString());
    }

    private static async Task<List<JsonElement>> Children(InProcessServer server, string? nodeId, string? filter = null)
    {
        var page = await server.RequestAsync<JsonElement>("ideTracker/runTree", new { nodeId, grouping = "lineage", filter });
        return [.. page.GetProperty("nodes").EnumerateArray()];
    }
}
