using System.Globalization;
using IdeTracker.Bench.Tfevents;

namespace IdeTracker.Bench.Generation;

/// <summary>Writes one TensorBoardLogger version folder as Lightning leaves it: <c>hparams.yaml</c> (yaml.dump of
/// the hyperparameters, keys sorted) beside one <c>events.out.tfevents.&lt;unix time&gt;.&lt;host&gt;.&lt;pid&gt;.0</c> file
/// of simple_value scalars (<see cref="TfeventsFileGenerator"/>).</summary>
internal static class LightningTensorBoardVersionWriter
{
    public const int Steps = 100;

    private static readonly string[] Tags = ["train_loss", "train_acc", "val_loss", "val_acc"];

    public static void Write(string folder, double startSeconds, Random random)
    {
        Directory.CreateDirectory(folder);
        var hparams = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["batch_size"] = random.Pick([32, 64, 128]).ToString(CultureInfo.InvariantCulture),
            ["learning_rate"] = PythonFloat.Format(random.Pick([0.0001, 0.0005, 0.001, 0.002, 0.005])),
            ["max_epochs"] = random.Next(10, 31).ToString(CultureInfo.InvariantCulture),
            ["optimizer"] = random.Pick(["adam", "sgd", "adamw"]),
            ["seed"] = random.Next(10_000).ToString(CultureInfo.InvariantCulture),
        };
        File.WriteAllText(Path.Combine(folder, "hparams.yaml"), string.Concat(hparams.Select(p => $"{p.Key}: {p.Value}\n")));

        var pid = random.Next(1_000, 60_000);
        var name = string.Create(CultureInfo.InvariantCulture, $"events.out.tfevents.{(long)startSeconds}.bench-host.{pid}.0");
        TfeventsFileGenerator.WriteEventFile(Path.Combine(folder, name), Tags, Steps, startSeconds, random);
    }
}
