using System.Globalization;
using IdeTracker.Bench.Generation;
using IdeTracker.Core.Model;

namespace IdeTracker.Bench.Live;

/// <summary>The run the live measurement appends to: status RUNNING, one metric, in the first experiment.</summary>
internal static class LiveRun
{
    public const string RunId = "feedfacefeedfacefeedfacefeedface";

    public const string Metric = "val_loss";

    /// <summary>The id the server gives it (the store is <c>mlruns</c> at the workspace root).</summary>
    public static string IndexId { get; } = RunIds.Make("mlflow", "mlruns", RunId);

    public static string Folder(string workspaceRoot) => Path.Combine(workspaceRoot, "mlruns", "0", RunId);

    public static string MetricFile(string workspaceRoot) => Path.Combine(Folder(workspaceRoot), "metrics", Metric);

    /// <summary>Writes the run as it is a few steps in, started now, so each measurement begins alike and the run
    /// counts as live (not finished, written in the last minutes).</summary>
    public static void Reset(string workspaceRoot)
    {
        var folder = Folder(workspaceRoot);
        Directory.CreateDirectory(Path.Combine(folder, "artifacts"));
        Directory.CreateDirectory(Path.Combine(folder, "params"));
        Directory.CreateDirectory(Path.Combine(folder, "tags"));
        Directory.CreateDirectory(Path.Combine(folder, "metrics"));
        var startMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        File.WriteAllText(Path.Combine(folder, "params", "lr"), "0.001");
        File.WriteAllText(Path.Combine(folder, "tags", "mlflow.runName"), "live-bench");
        File.WriteAllText(MetricFile(workspaceRoot), string.Concat(Enumerable.Range(0, 10).Select(step => Line(startMs, step))));
        File.WriteAllText(
            Path.Combine(folder, "meta.yaml"),
            $"""
            artifact_uri: {FileUri.Of(Path.Combine(folder, "artifacts"))}
            end_time: null
            entry_point_name: ''
            experiment_id: '0'
            lifecycle_stage: active
            run_id: {RunId}
            run_name: live-bench
            run_uuid: {RunId}
            source_name: ''
            source_type: 4
            source_version: ''
            start_time: {startMs}
            status: 1
            tags: []
            user_id: bench

            """);
    }

    /// <summary>One metric line as MLflow appends it for <paramref name="step"/>.</summary>
    public static string Line(long startMs, int step) =>
        string.Create(CultureInfo.InvariantCulture, $"{startMs + (step * 1000L)} {1.0 / (step + 1)} {step}\n");
}
