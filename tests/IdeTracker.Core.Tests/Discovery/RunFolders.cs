using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Discovery;

/// <summary>Writes the marker files of each run format into a scratch folder, the way the tools lay them out.</summary>
internal static class RunFolders
{
    public static string MlflowExperiment(this TempDirectory dir, string store, string experimentId)
    {
        dir.Write($"{store}/{experimentId}/meta.yaml", $"artifact_location: file:///tmp/{store}/{experimentId}\nexperiment_id: '{experimentId}'\nlifecycle_stage: active\nname: exp{experimentId}\n");
        return dir.Combine(store, experimentId);
    }

    public static string MlflowRun(this TempDirectory dir, string store, string experimentId, string runId)
    {
        dir.Write($"{store}/{experimentId}/{runId}/meta.yaml", $"experiment_id: '{experimentId}'\nrun_id: {runId}\nrun_uuid: {runId}\nstatus: 3\n");
        dir.Write($"{store}/{experimentId}/{runId}/metrics/loss", "1700000000000 0.5 0\n");
        dir.Write($"{store}/{experimentId}/{runId}/params/lr", "0.01");
        Directory.CreateDirectory(dir.Combine(store, experimentId, runId, "artifacts"));
        return dir.Combine(store, experimentId, runId);
    }

    /// <summary>A store with one experiment and the given runs.</summary>
    public static string MlflowStore(this TempDirectory dir, string store, params string[] runIds)
    {
        dir.MlflowExperiment(store, "0");
        foreach (var runId in runIds)
        {
            dir.MlflowRun(store, "0", runId);
        }

        return dir.Combine(store);
    }

    public static string LightningVersion(this TempDirectory dir, string versionFolder, bool withMetrics = true)
    {
        dir.Write(versionFolder + "/hparams.yaml", "lr: 0.1\n");
        if (withMetrics)
        {
            dir.Write(versionFolder + "/metrics.csv", "epoch,step,train_loss\n0,9,0.5\n");
        }

        return dir.Combine(versionFolder);
    }

    /// <summary>A 32-hex run id that reads as its number, so tests can tell runs apart.</summary>
    public static string RunId(int n) => n.ToString("x32");
}
