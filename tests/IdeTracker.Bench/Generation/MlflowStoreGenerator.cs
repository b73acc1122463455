namespace IdeTracker.Bench.Generation;

/// <summary>An MLflow file store, <c>mlruns/&lt;experiment&gt;/&lt;run id&gt;/</c>, laid out as MLflow writes it:
/// runs spread evenly over ten experiments, each run with 10 params, 5 metrics × 100 steps and 5 system tags.</summary>
internal sealed class MlflowStoreGenerator(int runs) : IWorkspaceGenerator
{
    public const int ExperimentCount = 10;

    /// <summary>1 March 2025, 00:00 UTC, in ms: the first experiment's creation time.</summary>
    public const long EpochMs = 1_740_787_200_000;

    private static readonly string[] ExperimentNames =
    [
        "Default", "resnet18-cifar10", "bert-finetune-sst2", "xgboost-churn", "lstm-forecast",
        "vit-small-imagenette", "unet-segmentation", "gpt2-lora", "tabnet-credit", "wav2vec-asr",
    ];

    public string Stamp =>
        $"mlflow-file-store v1 seed={SeededRandom.BenchSeed} runs={runs} experiments={ExperimentCount} " +
        $"params={MlflowRunWriter.ParamCount} metrics={MlflowRunWriter.MetricCount}x{MlflowRunWriter.Steps} tags=5";

    public void Generate(string workspaceRoot)
    {
        var mlruns = Path.Combine(workspaceRoot, "mlruns");
        for (var id = 0; id < ExperimentCount; id++)
        {
            WriteExperiment(mlruns, id);
        }

        // Writing is mostly file-system calls, so a few more workers than cores keeps the disk busy.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2 };
        Parallel.For(0, runs, parallel, index =>
        {
            var experimentId = (index % ExperimentCount).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var startMs = EpochMs + (ExperimentCount * 86_400_000L) + (index * 60_000L);
            MlflowRunWriter.Write(Path.Combine(mlruns, experimentId), experimentId, startMs, SeededRandom.ForRun("mlflow", index));
        });
    }

    private static void WriteExperiment(string mlruns, int id)
    {
        var folder = Path.Combine(mlruns, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var createdMs = EpochMs + (id * 86_400_000L);
        File.WriteAllText(
            Path.Combine(folder, "meta.yaml"),
            $"""
            artifact_location: {FileUri.Of(folder)}
            creation_time: {createdMs}
            experiment_id: '{id}'
            last_update_time: {createdMs}
            lifecycle_stage: active
            name: {ExperimentNames[id]}

            """);
    }
}
