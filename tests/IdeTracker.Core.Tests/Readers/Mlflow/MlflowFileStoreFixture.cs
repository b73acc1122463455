using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Mlflow;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Mlflow;

/// <summary>Writes a generated MLflow file store (laid out as MLflow 2.x writes it) into a scratch folder.</summary>
public sealed class MlflowFileStoreFixture : IDisposable
{
    private readonly TempDirectory temp = new();

    public MlflowFileStoreFixture()
    {
        Store = temp.Combine("mlruns");
        Directory.CreateDirectory(Store);
    }

    public string Workspace => temp.Path;

    public string Store { get; }

    public string Experiment(string id, string name = "Default", string lifecycleStage = "active")
    {
        Write($"{id}/meta.yaml", $"""
            artifact_location: file:///c:/Users/someone/project/mlruns/{id}
            creation_time: 1698069409580
            experiment_id: '{id}'
            last_update_time: 1698069409580
            lifecycle_stage: {lifecycleStage}
            name: {name}

            """);
        return Path.Combine(Store, id);
    }

    /// <summary>A run folder with the given meta.yaml text (<see cref="RunMeta"/> by default) and no other files.</summary>
    public string Run(string experimentId, string runId, string? meta = null)
    {
        Write($"{experimentId}/{runId}/meta.yaml", meta ?? RunMeta(runId, experimentId));
        return Path.Combine(Store, experimentId, runId);
    }

    /// <summary>meta.yaml as MLflow 2.x writes it; pass null to leave a key out.</summary>
    public static string RunMeta(
        string runId,
        string experimentId = "0",
        string? runName = "brave-owl-42",
        string? status = "3",
        string? startTime = "1698092677862",
        string? endTime = "1698092683202",
        string lifecycleStage = "active",
        string? userId = "alice",
        bool legacyUuidOnly = false)
    {
        var lines = new List<string>
        {
            $"artifact_uri: file:///c:/Users/alice/project/mlruns/{experimentId}/{runId}/artifacts",
        };
        Add("end_time", endTime);
        lines.Add("entry_point_name: ''");
        lines.Add($"experiment_id: '{experimentId}'");
        lines.Add($"lifecycle_stage: {lifecycleStage}");
        if (!legacyUuidOnly)
        {
            lines.Add($"run_id: {runId}");
        }

        Add("run_name", runName);
        lines.Add($"run_uuid: {runId}");
        lines.Add("source_name: ''");
        lines.Add("source_type: 4");
        lines.Add("source_version: ''");
        Add("start_time", startTime);
        Add("status", status);
        lines.Add("tags: []");
        Add("user_id", userId);
        return string.Join('\n', lines) + "\n";

        void Add(string key, string? value)
        {
            if (value is not null)
            {
                lines.Add($"{key}: {value}");
            }
        }
    }

    public string Write(string storeRelativePath, string content) =>
        temp.Write(Path.Combine("mlruns", storeRelativePath), content);

    public string WriteBytes(string storeRelativePath, byte[] content)
    {
        var full = Path.Combine(Store, storeRelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public RunUnit Unit(string runFolder) => MlflowStores.Unit(runFolder, Store, Workspace);

    public UnitReadResult Read(string runFolder, bool includeDeleted = false) =>
        new MlflowFileRunReader(includeDeleted).Read(Unit(runFolder), CancellationToken.None);

    public void Dispose() => temp.Dispose();
}
