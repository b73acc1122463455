using System.Text;

namespace IdeTracker.Bench.Generation;

/// <summary>Writes one MLflow run folder the way MLflow's file store does: a sorted-key <c>meta.yaml</c>,
/// one file per param and tag (value only, no newline), one file per metric (<c>timestamp value step</c>
/// lines) and an empty <c>artifacts/</c>.</summary>
internal static class MlflowRunWriter
{
    public const int ParamCount = 10;
    public const int MetricCount = 5;
    public const int Steps = 100;

    private static readonly string[] Metrics = ["lr", "train_accuracy", "train_loss", "val_accuracy", "val_loss"];

    private static readonly string[] Optimizers = ["adam", "adamw", "sgd", "rmsprop"];

    private static readonly double[] LearningRates = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1];

    public static void Write(string experimentFolder, string experimentId, long startMs, Random random)
    {
        var runId = Convert.ToHexStringLower(RandomBytes(random, 16));
        var runName = RunNames.Next(random);
        var folder = Path.Combine(experimentFolder, runId);
        Directory.CreateDirectory(Path.Combine(folder, "artifacts"));

        var lr = WriteParams(Path.Combine(folder, "params"), random);
        var endMs = WriteMetrics(Path.Combine(folder, "metrics"), startMs, lr, random);
        WriteTags(Path.Combine(folder, "tags"), runName, random);
        File.WriteAllText(
            Path.Combine(folder, "meta.yaml"),
            $"""
            artifact_uri: {FileUri.Of(Path.Combine(folder, "artifacts"))}
            end_time: {endMs}
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
            status: 3
            tags: []
            user_id: bench

            """);
    }

    /// <summary>Returns the learning rate, which shapes the metric curves.</summary>
    private static double WriteParams(string folder, Random random)
    {
        Directory.CreateDirectory(folder);

        // Half the runs come from a grid, half from a random search, as in real sweeps.
        var lr = random.Next(2) == 0 ? random.Pick(LearningRates) : Math.Pow(10, random.Between(-4.5, -1));
        WriteValue(folder, "lr", PythonFloat.Format(lr));
        WriteValue(folder, "batch_size", random.Pick([16, 32, 64, 128, 256]).ToString());
        WriteValue(folder, "epochs", random.Pick([10, 20, 50, 100]).ToString());
        WriteValue(folder, "optimizer", random.Pick(Optimizers));
        WriteValue(folder, "weight_decay", PythonFloat.Format(random.Pick([0.0, 0.0001, 0.0005, 0.001, 0.01])));
        WriteValue(folder, "dropout", PythonFloat.Format(random.Pick([0.0, 0.1, 0.2, 0.3, 0.5])));
        WriteValue(folder, "momentum", PythonFloat.Format(random.Pick([0.9, 0.95, 0.99])));
        WriteValue(folder, "hidden_size", random.Pick([128, 256, 512, 768, 1024]).ToString());
        WriteValue(folder, "num_layers", random.Next(2, 13).ToString());
        WriteValue(folder, "seed", random.Next(10_000).ToString());
        return lr;
    }

    /// <summary>Writes the curves of a run that learns; returns the run's end time in ms.</summary>
    private static long WriteMetrics(string folder, long startMs, double lr, Random random)
    {
        Directory.CreateDirectory(folder);
        var lines = new StringBuilder[MetricCount];
        for (var m = 0; m < MetricCount; m++)
        {
            lines[m] = new StringBuilder(Steps * 40);
        }

        var skill = random.Between(0.70, 0.99);
        var pace = random.Between(8, 40);
        var initialLoss = random.Between(1.5, 2.5);
        var stepMs = random.Next(500, 5_000);
        var timeMs = startMs;
        for (var step = 0; step < Steps; step++)
        {
            timeMs += stepMs + random.Next(50);
            var progress = 1 - Math.Exp(-step / pace);
            var trainLoss = Math.Max(1e-3, (initialLoss * (1 - progress)) + ((1 - skill) * progress) + (0.02 * random.Noise()));
            var trainAcc = Math.Clamp((skill * progress) + (0.1 * (1 - progress)) + (0.01 * random.Noise()), 0, 1);
            double[] values =
            [
                lr * 0.5 * (1 + Math.Cos(Math.PI * step / Steps)),
                trainAcc,
                trainLoss,
                Math.Clamp(trainAcc - 0.02 + (0.01 * random.Noise()), 0, 1),
                trainLoss * 1.1 + (0.02 * Math.Abs(random.Noise())),
            ];

            // MLflow stamps each log_metric call separately, a millisecond or so apart.
            for (var m = 0; m < MetricCount; m++)
            {
                lines[m].Append(timeMs + m).Append(' ').Append(PythonFloat.Format(values[m])).Append(' ').Append(step).Append('\n');
            }
        }

        for (var m = 0; m < MetricCount; m++)
        {
            File.WriteAllText(Path.Combine(folder, Metrics[m]), lines[m].ToString());
        }

        return timeMs + random.Next(100, 2_000);
    }

    private static void WriteTags(string folder, string runName, Random random)
    {
        Directory.CreateDirectory(folder);
        WriteValue(folder, "mlflow.runName", runName);
        WriteValue(folder, "mlflow.user", "bench");
        WriteValue(folder, "mlflow.source.name", "/home/bench/project/train.py");
        WriteValue(folder, "mlflow.source.git.commit", Convert.ToHexStringLower(RandomBytes(random, 20)));
        WriteValue(folder, "mlflow.source.type", "LOCAL");
    }

    /// <summary>Params and tags alike: the file body is the value, with no trailing newline.</summary>
    private static void WriteValue(string folder, string key, string value) => File.WriteAllText(Path.Combine(folder, key), value);

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
