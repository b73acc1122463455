using System.Text;

namespace IdeTracker.Bench.Generation;

/// <summary>Writes one CSVLogger version as Lightning does: the header is the sorted union of the logged keys,
/// a training row every <see cref="LogEveryNSteps"/> steps leaves the validation cells empty, a validation row
/// at each epoch's last step leaves the training cells empty; Python's csv module ends lines with CRLF.</summary>
internal static class LightningVersionWriter
{
    public const int LogEveryNSteps = 50;
    public const int MinEpochs = 18;
    public const int MaxEpochs = 22;

    private const int TrainingSamples = 60_000;

    public static void Write(string folder, Random random)
    {
        Directory.CreateDirectory(folder);
        var batchSize = random.Pick([32, 64, 128]);
        var epochs = random.Next(MinEpochs, MaxEpochs + 1);
        var lr = random.Pick([0.0001, 0.0005, 0.001, 0.002, 0.005]);
        WriteHparams(Path.Combine(folder, "hparams.yaml"), batchSize, epochs, lr, random);
        WriteMetrics(Path.Combine(folder, "metrics.csv"), (TrainingSamples + batchSize - 1) / batchSize, epochs, random);
    }

    /// <summary>5 to 8 hyperparameters, keys sorted as yaml.dump sorts them.</summary>
    private static void WriteHparams(string path, int batchSize, int epochs, double lr, Random random)
    {
        var hparams = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["batch_size"] = batchSize.ToString(),
            ["learning_rate"] = PythonFloat.Format(lr),
            ["max_epochs"] = epochs.ToString(),
        };
        (string Key, string Value)[] optional =
        [
            ("dropout", PythonFloat.Format(random.Pick([0.05, 0.1, 0.2, 0.3]))),
            ("hidden_dim", random.Pick([64, 128, 256]).ToString()),
            ("optimizer", random.Pick(["adam", "sgd", "adamw"])),
            ("seed", random.Next(10_000).ToString()),
            ("weight_decay", random.Pick(["0", "0.0001", "0.001"])),
        ];
        var extra = random.Next(2, optional.Length + 1);
        foreach (var (key, value) in optional.OrderBy(_ => random.Next()).Take(extra))
        {
            hparams[key] = value;
        }

        File.WriteAllText(path, string.Concat(hparams.Select(p => $"{p.Key}: {p.Value}\n")));
    }

    private static void WriteMetrics(string path, int stepsPerEpoch, int epochs, Random random)
    {
        var csv = new StringBuilder(epochs * (stepsPerEpoch / LogEveryNSteps + 1) * 48);
        csv.Append("epoch,step,train_acc,train_loss,val_acc,val_loss\r\n");
        var skill = random.Between(0.95, 0.995);
        var pace = random.Between(300, 3_000);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var lastStep = ((epoch + 1) * stepsPerEpoch) - 1;
            for (var step = (epoch * stepsPerEpoch) + LogEveryNSteps - 1 - ((epoch * stepsPerEpoch) % LogEveryNSteps);
                 step < lastStep;
                 step += LogEveryNSteps)
            {
                var progress = 1 - Math.Exp(-step / pace);
                var acc = Math.Clamp((skill * progress) + (0.1 * (1 - progress)) + (0.03 * random.Noise()), 0, 1);
                var loss = Math.Max(1e-3, (2.3 * (1 - progress)) + (0.05 * Math.Abs(random.Noise())));
                csv.Append(epoch).Append(',').Append(step).Append(',')
                    .Append(PythonFloat.FormatSingle(acc)).Append(',').Append(PythonFloat.FormatSingle(loss)).Append(",,\r\n");
            }

            var done = 1 - Math.Exp(-lastStep / pace);
            var valAcc = Math.Clamp((skill * done) - 0.005 + (0.003 * random.Noise()), 0, 1);
            var valLoss = Math.Max(1e-3, (2.3 * (1 - done)) + 0.02 + (0.01 * Math.Abs(random.Noise())));
            csv.Append(epoch).Append(',').Append(lastStep).Append(",,,")
                .Append(PythonFloat.FormatSingle(valAcc)).Append(',').Append(PythonFloat.FormatSingle(valLoss)).Append("\r\n");
        }

        File.WriteAllText(path, csv.ToString());
    }
}
