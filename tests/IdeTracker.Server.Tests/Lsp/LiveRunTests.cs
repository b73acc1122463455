using System.Globalization;
using System.Text.Json;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Server.Tests.Lsp;

/// <summary>Runs still being written, on a generated workspace (an MLflow run with status RUNNING and a Lightning
/// version), change on disk while the server runs, and the test never sends a file event: only the server's own
/// watcher can notice. Every wait polls with a timeout.</summary>
public sealed class LiveRunTests : IDisposable
{
    private const string RunId = "1111111111111111111111111111111a";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _temp = new();
    private readonly string _workspace;
    private readonly string _storage;
    private readonly string _mlflowRun;
    private readonly string _lightningVersion;

    public LiveRunTests()
    {
        _workspace = _temp.Combine("workspace");
        _storage = _temp.Combine("storage");
        var store = Path.Combine(_workspace, "mlruns");
        RunFixtures.WriteMlflowExperiment(store, "0", "Default");
        _mlflowRun = RunFixtures.WriteMlflowRun(store, "0", RunId, "live-run", status: 1, endMs: null,
            metrics: new Dictionary<string, double[]> { ["val_loss"] = [0.9] });
        _lightningVersion = RunFixtures.WriteLightningVersion(_workspace, "lightning_logs", 0, "lr: 0.01\n", "epoch,step,val_loss\n0,0,0.95\n");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Each_step_a_live_run_writes_arrives_without_any_file_event_from_the_client()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();
        await UntilAsync(() => server.Server.WatchedUnits.Contains(_mlflowRun) && server.Server.WatchedUnits.Contains(_lightningVersion),
            () => $"watched: {string.Join(", ", server.Server.WatchedUnits)}");
        var mlflowId = (await FindRunAsync(server, "live-run")).GetProperty("runId").GetString()!;
        var lightningId = (await FindRunAsync(server, "version_0")).GetProperty("runId").GetString()!;

        for (var step = 1; step <= 5; step++)
        {
            var mlflowValue = 0.9 - (step * 0.1);
            RunFixtures.AppendMlflowMetric(_mlflowRun, "val_loss", 1_700_000_000_000 + (step * 1000), mlflowValue, step);
            await UntilValueAsync(server, mlflowId, "val_loss", mlflowValue, $"MLflow step {step}");

            var lightningValue = 0.95 - (step * 0.1);
            File.AppendAllText(Path.Combine(_lightningVersion, "metrics.csv"), string.Create(CultureInfo.InvariantCulture, $"0,{step},{lightningValue}\n"));
            await UntilValueAsync(server, lightningId, "val_loss", lightningValue, $"Lightning step {step}");

            // The tree shows the new value as the run's main metric, and spins the run as live.
            var node = await FindRunAsync(server, "live-run");
            Assert.Equal(mlflowValue, node.GetProperty("mainMetric").GetProperty("value").GetDouble());
            Assert.True(node.GetProperty("live").GetBoolean());
        }

        var details = await server.RequestAsync<JsonElement>("ideTracker/runDetails", new { runId = mlflowId });
        Assert.Equal(6, details.GetProperty("metrics").GetProperty("val_loss").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_metrics_csv_rewritten_with_a_new_header_mid_run_is_read_again()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();
        await UntilAsync(() => server.Server.WatchedUnits.Contains(_lightningVersion), () => $"watched: {string.Join(", ", server.Server.WatchedUnits)}");
        var lightningId = (await FindRunAsync(server, "version_0")).GetProperty("runId").GetString()!;
        var metricsCsv = Path.Combine(_lightningVersion, "metrics.csv");
        File.AppendAllText(metricsCsv, "0,1,0.85\n");
        await UntilValueAsync(server, lightningId, "val_loss", 0.85, "a row appended");

        // CSVLogger writes the whole file again when a key appears: a new header, every row one cell wider.
        File.WriteAllText(metricsCsv, "epoch,step,train_loss,val_loss\n0,0,,0.95\n0,1,,0.85\n0,2,0.7,\n");

        await UntilValueAsync(server, lightningId, "train_loss", 0.7, "after the header changed");
        var details = await server.RequestAsync<JsonElement>("ideTracker/runDetails", new { runId = lightningId });
        var valLoss = details.GetProperty("metrics").GetProperty("val_loss");
        Assert.Equal(2, valLoss.GetProperty("count").GetInt32());
        Assert.Equal(0.85, valLoss.GetProperty("last").GetDouble());
    }

    [Fact]
    public async Task The_watcher_of_a_run_folder_that_is_deleted_goes_away_quietly()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();
        await UntilAsync(() => server.Server.WatchedUnits.Contains(_mlflowRun), () => $"watched: {string.Join(", ", server.Server.WatchedUnits)}");
        var mlflowId = (await FindRunAsync(server, "live-run")).GetProperty("runId").GetString()!;
        var changesBefore = server.Notifications.Count("ideTracker/runsChanged");

        Directory.Delete(_mlflowRun, recursive: true);

        await server.Notifications.WaitForAsync("ideTracker/runsChanged", p => RunIds(p).Contains(mlflowId), skip: changesBefore, timeout: Timeout);
        await UntilAsync(() => !server.Server.WatchedUnits.Contains(_mlflowRun), () => $"watched: {string.Join(", ", server.Server.WatchedUnits)}");
        var details = await server.RequestAsync<JsonElement?>("ideTracker/runDetails", new { runId = mlflowId });
        Assert.True(details is null || details.Value.ValueKind == JsonValueKind.Null);
        var complaints = server.Notifications.Of("window/logMessage").Where(m => m.GetProperty("type").GetInt32() <= 2).ToList();
        Assert.True(complaints.Count == 0, string.Join("\n", complaints.Select(m => m.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task A_run_that_stops_writing_is_announced_once_when_it_is_no_longer_live()
    {
        await using var server = await InProcessServer.StartAsync(_workspace, _storage);
        await server.WaitUntilIndexedAsync();
        var versionId = (await FindRunAsync(server, "version_0")).GetProperty("runId").GetString()!;
        Assert.True((await FindRunAsync(server, "version_0")).GetProperty("live").GetBoolean());
        var changesBefore = server.Notifications.Count("ideTracker/runsChanged");

        // Nothing is written any more; six minutes on, the live window (five) has passed for both runs.
        var later = DateTimeOffset.UtcNow.AddMinutes(6);
        await server.Server.HousekeepAsync(later);

        var change = await server.Notifications.WaitForAsync("ideTracker/runsChanged", p => RunIds(p).Contains(versionId), skip: changesBefore, timeout: Timeout);
        Assert.False(change.GetProperty("all").GetBoolean());
        var afterFirst = server.Notifications.Count("ideTracker/runsChanged");
        await server.Server.HousekeepAsync(later.AddSeconds(30));
        await server.Server.IndexingIdle;
        Assert.Equal(afterFirst, server.Notifications.Count("ideTracker/runsChanged"));
    }

    /// <summary>Waits, through the runsChanged notifications naming the run, until its details show <paramref name="value"/>
    /// as the last value of <paramref name="key"/>; a change may arrive in more than one notification (a file written in
    /// two goes), so any in between are looked through.</summary>
    private static async Task UntilValueAsync(InProcessServer server, string runId, string key, double value, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        var seen = 0;
        double? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var changes = server.Notifications.Of("ideTracker/runsChanged");
            if (changes.Skip(seen).Any(p => RunIds(p).Contains(runId)))
            {
                seen = changes.Count;
                last = await LastValueAsync(server, runId, key);
                if (last == value)
                {
                    return;
                }

                continue;
            }

            try
            {
                await server.Notifications.WaitForAsync("ideTracker/runsChanged", p => RunIds(p).Contains(runId), skip: seen, timeout: deadline - DateTime.UtcNow);
            }
            catch (TimeoutException)
            {
                break;
            }
        }

        throw new TimeoutException($"{what}: {key} never became {value} (last seen {last?.ToString(CultureInfo.InvariantCulture) ?? "none"})");
    }

    private static async Task<double?> LastValueAsync(InProcessServer server, string runId, string key)
    {
        var details = await server.RequestAsync<JsonElement>("ideTracker/runDetails", new { runId });
        return details.GetProperty("metrics").TryGetProperty(key, out var metric) ? metric.GetProperty("last").GetDouble() : null;
    }

    private static async Task UntilAsync(Func<bool> condition, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met within the timeout; " + describe());
            }

            await Task.Delay(20);
        }
    }

    private static string[] RunIds(JsonElement runsChanged) =>
        [.. runsChanged.GetProperty("runIds").EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>The run node labelled <paramref name="label"/>, found by walking the tree from the top.</summary>
    private static async Task<JsonElement> FindRunAsync(InProcessServer server, string label)
    {
        var pending = new Queue<string?>([null]);
        while (pending.Count > 0)
        {
            var nodeId = pending.Dequeue();
            var page = await server.RequestAsync<JsonElement>("ideTracker/runTree", new { nodeId, limit = 5000 });
            foreach (var node in page.GetProperty("nodes").EnumerateArray())
            {
                if (node.GetProperty("kind").GetString() == "run" && node.GetProperty("label").GetString() == label)
                {
                    return node.Clone();
                }

                if (node.GetProperty("hasChildren").GetBoolean() && node.GetProperty("kind").GetString() != "problems")
                {
                    pending.Enqueue(node.GetProperty("id").GetString());
                }
            }
        }

        throw new InvalidOperationException($"no run labelled {label} in the tree");
    }
}
