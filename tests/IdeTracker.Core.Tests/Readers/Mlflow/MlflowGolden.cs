using System.Text.Json;

namespace IdeTracker.Core.Tests.Readers.Mlflow;

/// <summary>One run as MLflow's own file-store reader reported it in the corpus golden files.</summary>
public sealed record MlflowGoldenRun(
    string ExperimentId,
    string ExperimentName,
    string RunId,
    string RunName,
    string Status,
    long? StartTime,
    long? EndTime,
    string LifecycleStage,
    Dictionary<string, string> Params,
    Dictionary<string, double> LatestMetrics,
    Dictionary<string, string> Tags)
{
    /// <summary>The runs of <c>_golden_&lt;store&gt;.mlflow-filestore.json</c>, by run id.</summary>
    public static Dictionary<string, MlflowGoldenRun> Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var runs = new Dictionary<string, MlflowGoldenRun>(StringComparer.Ordinal);
        foreach (var experiment in document.RootElement.GetProperty("experiments").EnumerateArray())
        {
            var experimentId = experiment.GetProperty("experiment_id").GetString()!;
            var experimentName = experiment.GetProperty("name").GetString()!;
            foreach (var run in experiment.GetProperty("runs").EnumerateArray())
            {
                var golden = new MlflowGoldenRun(
                    experimentId,
                    experimentName,
                    run.GetProperty("run_id").GetString()!,
                    run.GetProperty("run_name").GetString()!,
                    run.GetProperty("status").GetString()!,
                    OptionalLong(run.GetProperty("start_time")),
                    OptionalLong(run.GetProperty("end_time")),
                    run.GetProperty("lifecycle_stage").GetString()!,
                    Strings(run.GetProperty("params")),
                    Numbers(run.GetProperty("metrics_latest")),
                    Strings(run.GetProperty("tags")));
                runs.Add(golden.RunId, golden);
            }
        }

        return runs;
    }

    private static long? OptionalLong(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : element.GetInt64();

    private static Dictionary<string, string> Strings(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    private static Dictionary<string, double> Numbers(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
}
