using System.Text;

namespace IdeTracker.Bench.Generation;

/// <summary>Writes one JSON-lines metric log, one object per logged step (<c>{"step": 0, "loss": …, "acc": …,
/// "lr": …, "time": …}</c>, as json.dumps writes it), the kind a custom logger or a callback leaves.</summary>
internal static class JsonLinesLogWriter
{
    public const int Rows = 100;

    public static void Write(string path, double startSeconds, Random random)
    {
        var jsonl = new StringBuilder(Rows * 100);
        var lr = random.Pick([0.0003, 0.001, 0.003]);
        var skill = random.Between(0.8, 0.99);
        for (var step = 0; step < Rows; step++)
        {
            var progress = 1 - Math.Exp(-step / 25.0);
            var loss = Math.Max(1e-3, (2.3 * (1 - progress)) + (0.03 * Math.Abs(random.Noise())));
            var acc = Math.Clamp((skill * progress) + (0.1 * (1 - progress)) + (0.01 * random.Noise()), 0, 1);
            jsonl.Append("{\"step\": ").Append(step)
                .Append(", \"loss\": ").Append(PythonFloat.Format(loss))
                .Append(", \"acc\": ").Append(PythonFloat.Format(acc))
                .Append(", \"lr\": ").Append(PythonFloat.Format(lr))
                .Append(", \"time\": ").Append(PythonFloat.Format(Math.Round(startSeconds + (step * 1.5), 3)))
                .Append("}\n");
        }

        File.WriteAllText(path, jsonl.ToString());
    }
}
