using System.Diagnostics;
using System.Text.Json;
using IdeTracker.Bench.Generation;

namespace IdeTracker.Bench.Live;

/// <summary>DESIGN.md's "a new line appended to a live run → runsChanged sent ≤ 300 ms", measured end to end: the real
/// server process over stdio indexes a workspace holding one running MLflow run among the others, then one metric line
/// is appended to that run again and again, each time waiting for the runsChanged that names it (and for the server to
/// say it is ready again) before the next. No file events are sent: the server must notice through its own watcher,
/// the path that does not depend on the client.</summary>
internal static class LiveLatencyMeasurement
{
    public const string Name = "live";

    public const int Appends = 50;

    /// <summary>A first append, not counted, lets the server set up its watcher after the first scan.</summary>
    private static readonly TimeSpan FirstChangeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Far above the target: an append that takes longer is counted as missing.</summary>
    private static readonly TimeSpan ChangeTimeout = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan IndexTimeout = TimeSpan.FromMinutes(15);

    public static LiveLatencyResult Run(BenchOptions options)
    {
        var runs = options.MlflowRuns + 1;
        var workspace = Path.Combine(options.OutDirectory, "live");
        try
        {
            var clock = Stopwatch.StartNew();
            var generated = GeneratedWorkspace.Ensure(workspace, new LiveWorkspaceGenerator(options.MlflowRuns));
            Console.Error.WriteLine(generated
                ? $"[live] generated {runs:N0} runs in {workspace} ({clock.Elapsed.TotalSeconds:F1} s)"
                : $"[live] reusing {runs:N0} runs in {workspace}");
            LiveRun.Reset(workspace);
            return MeasureAsync(workspace, Path.Combine(options.OutDirectory, "index", "live-server"), runs).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException or UnauthorizedAccessException)
        {
            return LiveLatencyResult.Failed(runs, e.Message);
        }
    }

    private static async Task<LiveLatencyResult> MeasureAsync(string workspace, string storage, int runs)
    {
        using var server = new ServerConnection();
        try
        {
            var started = Stopwatch.GetTimestamp();
            var initialize = server.Request("initialize", new
            {
                processId = Environment.ProcessId,
                rootUri = FileUri.Of(workspace),
                capabilities = new { },
                initializationOptions = new { storagePath = storage },
            });
            await server.NextAsync(f => IsResponse(f, initialize), IndexTimeout);
            server.Notify("initialized", new { });
            await server.NextAsync(IsReady, IndexTimeout);
            var readySeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Console.Error.WriteLine($"[live] the server indexed the workspace in {readySeconds:F1} s; appending {Appends} lines");

            var metricFile = LiveRun.MetricFile(workspace);
            var startMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await AppendAndWaitAsync(server, metricFile, LiveRun.Line(startMs, 10), FirstChangeTimeout);
            var latencies = new List<double>(Appends);
            for (var i = 0; i < Appends; i++)
            {
                try
                {
                    latencies.Add(await AppendAndWaitAsync(server, metricFile, LiveRun.Line(startMs, 11 + i), ChangeTimeout));
                }
                catch (TimeoutException)
                {
                    Console.Error.WriteLine($"[live] append {i + 1}: no runsChanged within {ChangeTimeout.TotalSeconds:F0} s");
                }
            }

            Console.Error.WriteLine($"[live] append → runsChanged in order, ms: {string.Join(' ', latencies.Select(l => l.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}");
            await server.StopAsync(TimeSpan.FromSeconds(30));
            return LiveLatencyResult.Of(runs, Appends, readySeconds, latencies);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{e.Message}; the server's error output:\n{server.Stderr}", e);
        }
    }

    /// <summary>Appends one line and returns the milliseconds until a runsChanged naming the live run arrived; then
    /// waits for the ready status that ends the server's job, so the next append finds it idle.</summary>
    private static async Task<double> AppendAndWaitAsync(ServerConnection server, string metricFile, string line, TimeSpan timeout)
    {
        var appended = Stopwatch.GetTimestamp();
        File.AppendAllText(metricFile, line);
        var changed = await server.NextAsync(NamesLiveRun, timeout);
        await server.NextAsync(IsReady, timeout);
        return Stopwatch.GetElapsedTime(appended, changed.ArrivedAt).TotalMilliseconds;
    }

    private static bool IsResponse(ServerFrame frame, int id) =>
        frame.Method is null && frame.Message.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.Number && value.GetInt32() == id;

    private static bool IsReady(ServerFrame frame) =>
        frame.Method == "ideTracker/indexStatus" && frame.Params.GetProperty("state").GetString() == "ready";

    private static bool NamesLiveRun(ServerFrame frame) =>
        frame.Method == "ideTracker/runsChanged"
        && frame.Params.GetProperty("runIds").EnumerateArray().Any(id => id.GetString() == LiveRun.IndexId);
}
