using System.Text;

namespace IdeTracker.Bench.Generation;

/// <summary>Writes one Keras CSVLogger file: header <c>epoch</c> + the logged keys sorted, one row per epoch, lines
/// ended with CRLF (Python's csv module), values as Python prints floats.</summary>
internal static class KerasCsvLogWriter
{
    public const int Epochs = 100;

    public static void Write(string path, Random random)
    {
        var csv = new StringBuilder(Epochs * 80);
        csv.Append("epoch,accuracy,loss,val_accuracy,val_loss\r\n");
        var skill = random.Between(0.85, 0.99);
        var pace = random.Between(10, 40);
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            var progress = 1 - Math.Exp(-epoch / pace);
            var accuracy = Math.Clamp((skill * progress) + (0.1 * (1 - progress)) + (0.01 * random.Noise()), 0, 1);
            var loss = Math.Max(1e-3, (2.3 * (1 - progress)) + (0.02 * Math.Abs(random.Noise())));
            csv.Append(epoch).Append(',')
                .Append(PythonFloat.FormatSingle(accuracy)).Append(',')
                .Append(PythonFloat.FormatSingle(loss)).Append(',')
                .Append(PythonFloat.FormatSingle(Math.Clamp(accuracy - 0.02 + (0.01 * random.Noise()), 0, 1))).Append(',')
                .Append(PythonFloat.FormatSingle(loss * 1.1)).Append("\r\n");
        }

        File.WriteAllText(path, csv.ToString());
    }
}
