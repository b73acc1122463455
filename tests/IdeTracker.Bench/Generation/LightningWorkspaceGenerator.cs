namespace IdeTracker.Bench.Generation;

/// <summary>A Lightning CSVLogger save dir, <c>lightning_logs/version_N/</c>, each version with a sparse
/// <c>metrics.csv</c> of about 20 epochs and an <c>hparams.yaml</c>.</summary>
internal sealed class LightningWorkspaceGenerator(int versions) : IWorkspaceGenerator
{
    public string Stamp =>
        $"lightning-csv v1 seed={SeededRandom.BenchSeed} versions={versions} " +
        $"epochs={LightningVersionWriter.MinEpochs}-{LightningVersionWriter.MaxEpochs} every={LightningVersionWriter.LogEveryNSteps}";

    public void Generate(string workspaceRoot)
    {
        var logs = Path.Combine(workspaceRoot, "lightning_logs");
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2 };
        Parallel.For(0, versions, parallel, version =>
            LightningVersionWriter.Write(Path.Combine(logs, $"version_{version}"), SeededRandom.ForRun("lightning", version)));
    }
}
