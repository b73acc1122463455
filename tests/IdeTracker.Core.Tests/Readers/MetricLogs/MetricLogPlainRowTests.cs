using System.Globalization;
using System.Text;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Tests.Readers.MetricLogs;

/// <summary>Rows of plain numbers are read straight from their bytes; a quoted cell sends a row the careful way.
/// The same random generated rows are written both ways and must give exactly the same points, times and problems.</summary>
public sealed class MetricLogPlainRowTests : IDisposable
{
    private readonly MetricLogFolder _logs = new();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public void Plain_rows_read_from_bytes_give_what_the_careful_way_gives()
    {
        var random = new Random(20240301);
        string[] columns = ["timestamp", "epoch", "step", "loss", "lr", "time"];
        for (var round = 0; round < 40; round++)
        {
            var plain = new StringBuilder(string.Join(',', columns) + "\n");
            var quoted = new StringBuilder(string.Join(',', columns) + "\n");
            for (var row = 0; row < 50; row++)
            {
                var cells = columns.Select(c => Cell(random, c, row)).ToArray();
                plain.Append(string.Join(',', cells)).Append('\n');
                quoted.Append(string.Join(',', cells.Select(c => c.Length == 0 ? c : $"\"{c}\""))).Append('\n');
            }

            _logs.Write("plain.csv", plain.ToString());
            _logs.Write("quoted.csv", quoted.ToString());
            var fast = _logs.Read("plain.csv");
            var careful = _logs.Read("quoted.csv");

            var (fastRun, carefulRun) = (Assert.Single(fast.Runs), Assert.Single(careful.Runs));
            Assert.Equal(carefulRun.Metrics.Keys.Order(StringComparer.Ordinal), fastRun.Metrics.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, points) in carefulRun.Metrics)
            {
                Assert.Equal(points.Select(Bits), fastRun.Metrics[key].Select(Bits));
            }

            Assert.Equal((carefulRun.StartTime, carefulRun.EndTime), (fastRun.StartTime, fastRun.EndTime));
            Assert.Equal(careful.Problems.Select(p => (p.Line, p.Message.Replace("quoted.csv", ""))), fast.Problems.Select(p => (p.Line, p.Message.Replace("plain.csv", ""))));
        }
    }

    private static (long, long, long) Bits(MetricPoint p) => (p.Step, p.TimestampMs, BitConverter.DoubleToInt64Bits(p.Value));

    private static string Cell(Random random, string column, int row) => column switch
    {
        "step" => random.Next(10) == 0 ? "12.0" : (row * 10).ToString(CultureInfo.InvariantCulture),
        "epoch" => (row / 5).ToString(CultureInfo.InvariantCulture),
        "timestamp" => random.Next(8) == 0 ? "" : (1_700_000_000 + row + random.NextDouble()).ToString("R", CultureInfo.InvariantCulture),
        // A "time" that is a duration, not a wall time: a metric.
        "time" => (random.NextDouble() * 30).ToString("R", CultureInfo.InvariantCulture),
        _ => random.Next(6) switch
        {
            0 => "",
            1 => "nan",
            2 => (random.NextDouble() * 1e-6).ToString("E", CultureInfo.InvariantCulture),
            3 => "oops",
            _ => (random.NextDouble() * 2 - 1).ToString("R", CultureInfo.InvariantCulture),
        },
    };
}
