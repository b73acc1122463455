using IdeTracker.Bench.Generation;

namespace IdeTracker.Bench.Live;

/// <summary>The MLflow store of the mlflow scenario (its own copy, since the measurement appends to it) plus one run
/// that is still logging: <see cref="LiveRun"/>.</summary>
internal sealed class LiveWorkspaceGenerator(int runs) : IWorkspaceGenerator
{
    private readonly MlflowStoreGenerator store = new(runs);

    public string Stamp => $"live v1 {store.Stamp} live-run={LiveRun.RunId}";

    public void Generate(string workspaceRoot)
    {
        store.Generate(workspaceRoot);
        LiveRun.Reset(workspaceRoot);
    }
}
