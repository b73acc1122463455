using System.Text;

namespace IdeTracker.Bench.Generation;

/// <summary>Writes one CSV log of a hand-written training loop: <c>step,time,loss,lr</c>, a row every
/// <see cref="LogEvery"/> steps, the time in seconds since 1970, lines ended with LF.</summary>
internal static class StepCsvLogWriter
{
    public const int Rows = 100;
    public const int LogEvery = 10;

    public static void Write(string path, double startSeconds, Random random)
    {
        var csv = new StringBuilder(Rows * 60);
        csv.Append("step,time,loss,lr\n");
        var lr = random.Pick([0.0003, 0.001, 0.003]);
        var stepSeconds = random.Between(0.05, 0.5);
        for (var row = 0; row < Rows; row++)
        {
            var step = row * LogEvery;
            var progress = 1 - Math.Exp(-row / 30.0);
            var loss = Math.Max(1e-3, (3.0 * (1 - progress)) + (0.05 * Math.Abs(random.Noise())));
            csv.Append(step).Append(',')
                .Append(PythonFloat.Format(Math.Round(startSeconds + (step * stepSeconds), 3))).Append(',')
                .Append(PythonFloat.Format(loss)).Append(',')
                .Append(PythonFloat.Format(lr * (1 - (0.5 * row / Rows)))).Append('\n');
        }

        File.WriteAllText(path, csv.ToString());
    }
}
