using IdeTracker.Bench.Generation;

namespace IdeTracker.Bench;

/// <summary>One generated workspace and where its index lives. The index sits beside the workspace, never
/// inside it, as the real server keeps it in the editor's storage folder.</summary>
/// <param name="Name">Passed to the child process as <c>--child Name</c>.</param>
/// <param name="ExpectedRuns">Runs the generator wrote; the cold index must write exactly these.</param>
/// <param name="HasThroughputTarget">Only the MLflow store has a runs/s target in DESIGN.md.</param>
internal sealed record BenchScenario(
    string Name,
    int ExpectedRuns,
    string WorkspaceRoot,
    string IndexPath,
    bool HasThroughputTarget,
    IWorkspaceGenerator Generator)
{
    /// <summary>What the workspace holds, for the report, when its run count alone does not say.</summary>
    public string? Composition { get; init; }

    public static IReadOnlyList<BenchScenario> All(BenchOptions options) =>
    [
        Create(options, "mlflow", options.MlflowRuns, true, new MlflowStoreGenerator(options.MlflowRuns)),
        Create(options, "lightning", options.LightningRuns, false, new LightningWorkspaceGenerator(options.LightningRuns)),
        Mixed(options),
    ];

    public static BenchScenario Named(BenchOptions options, string name) =>
        All(options).SingleOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"unknown scenario '{name}'; known: {string.Join(", ", All(options).Select(s => s.Name))}");

    /// <summary>Runs of every format, as many in all as --runs says; only the MLflow store has a runs/s target.</summary>
    private static BenchScenario Mixed(BenchOptions options)
    {
        var counts = MixedRunCounts.For(options.MlflowRuns);
        return Create(options, "mixed", counts.Total, false, new MixedWorkspaceGenerator(counts)) with { Composition = counts.Describe() };
    }

    private static BenchScenario Create(BenchOptions options, string name, int runs, bool throughputTarget, IWorkspaceGenerator generator) =>
        new(
            name,
            runs,
            Path.Combine(options.OutDirectory, name),
            Path.Combine(options.OutDirectory, "index", name + ".db"),
            throughputTarget,
            generator);
}
