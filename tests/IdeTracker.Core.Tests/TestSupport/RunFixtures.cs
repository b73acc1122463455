using System.Globalization;
using System.Text;

namespace IdeTracker.Core.Tests.TestSupport;

/// <summary>Writes generated runs the way MLflow's file store and Lightning's CSVLogger lay them out, for
/// tests that need a workspace they can change. Everything written here is generated, not real data.</summary>
public static class RunFixtures
{
    public static string WriteMlflowExperiment(string storeDir, string experimentId, string name, string lifecycle = "active")
    {
        var dir = Path.Combine(storeDir, experimentId);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "meta.yaml"), $"""
            artifact_location: file://{storeDir}/{experimentId}
            creation_time: 1700000000000
            experiment_id: '{experimentId}'
            last_update_time: 1700000000000
            lifecycle_stage: {lifecycle}
            name: {name}

            """);
        return dir;
    }

    /// <summary>A run folder with meta.yaml, params, metrics (lines "timestamp value step") and tags.</summary>
    public static string WriteMlflowRun(
        string storeDir,
        string experimentId,
        string runId,
        string runName,
        int status = 3,
        long startMs = 1700000000000,
        long? endMs = 1700000060000,
        IReadOnlyDictionary<string, string>? parameters = null,
        IReadOnlyDictionary<string, double[]>? metrics = null,
        IReadOnlyDictionary<string, string>? tags = null)
    {
        var dir = Path.Combine(storeDir, experimentId, runId);
        Directory.CreateDirectory(Path.Combine(dir, "artifacts"));
        Directory.CreateDirectory(Path.Combine(dir, "params"));
        Directory.CreateDirectory(Path.Combine(dir, "metrics"));
        Directory.CreateDirectory(Path.Combine(dir, "tags"));
        File.WriteAllText(Path.Combine(dir, "meta.yaml"), $"""
            artifact_uri: file://{dir}/artifacts
            end_time: {(endMs is { } e ? e.ToString(CultureInfo.InvariantCulture) : "null")}
            entry_point_name: ''
            experiment_id: '{experimentId}'
            lifecycle_stage: active
            run_id: {runId}
            run_name: {runName}
            run_uuid: {runId}
            source_name: ''
            source_type: 4
            source_version: ''
            start_time: {startMs}
            status: {status}
            tags: []
            user_id: tester

            """);
        foreach (var (key, value) in parameters ?? new Dictionary<string, string>())
        {
            WriteFile(Path.Combine(dir, "params", key), value);
        }

        foreach (var (key, values) in metrics ?? new Dictionary<string, double[]>())
        {
            var text = new StringBuilder();
            for (var step = 0; step < values.Length; step++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{startMs + step * 1000} {FormatValue(values[step])} {step}\n");
            }

            WriteFile(Path.Combine(dir, "metrics", key), text.ToString());
        }

        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            WriteFile(Path.Combine(dir, "tags", key), value);
        }

        return dir;
    }

    /// <summary>Appends one point to an MLflow metric file, as a live run does.</summary>
    public static void AppendMlflowMetric(string runDir, string key, long timestampMs, double value, long step) =>
        File.AppendAllText(Path.Combine(runDir, "metrics", key), $"{timestampMs} {FormatValue(value)} {step}\n");

    public static string WriteLightningVersion(string saveDir, string name, int version, string hparamsYaml, string? metricsCsv)
    {
        var dir = Path.Combine(saveDir, name, $"version_{version}");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "hparams.yaml"), hparamsYaml);
        if (metricsCsv is not null)
        {
            File.WriteAllText(Path.Combine(dir, "metrics.csv"), metricsCsv);
        }

        return dir;
    }

    private static void WriteFile(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static string FormatValue(double value) =>
        double.IsNaN(value) ? "nan" : double.IsPositiveInfinity(value) ? "inf" : double.IsNegativeInfinity(value) ? "-inf" : value.ToString("R", CultureInfo.InvariantCulture);
}
