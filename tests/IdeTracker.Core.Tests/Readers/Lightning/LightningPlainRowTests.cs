using System.Globalization;
using System.Text;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Tests.Readers.Lightning;

/// <summary>Plain numeric rows are parsed straight from bytes; quoted rows take the careful string path. Both
/// must give exactly the same points, so the same random rows are written both ways and compared.</summary>
public sealed class LightningPlainRowTests
{
    [Fact]
    public void Plain_rows_read_from_bytes_give_the_same_points_as_the_careful_path()
    {
        var random = new Random(20261124);
        for (var round = 0; round < 40; round++)
        {
            var columns = new[] { "epoch", "step", "train_loss", "val_acc", "lr" };
            var plain = new StringBuilder(string.Join(',', columns) + "\n");
            var quoted = new StringBuilder(string.Join(',', columns) + "\n");
            for (var row = 0; row < 50; row++)
            {
                var cells = columns.Select((name, i) => Cell(random, name, row)).ToArray();
                plain.Append(string.Join(',', cells)).Append('\n');
                quoted.Append(string.Join(',', cells.Select(c => c.Length == 0 ? c : $"\"{c}\""))).Append('\n');
            }

            using var fast = new LightningVersionFolder().WithHparams("a: 1\n").WithMetrics(plain.ToString());
            using var careful = new LightningVersionFolder().WithHparams("a: 1\n").WithMetrics(quoted.ToString());
            var fastRun = Assert.Single(fast.Read().Runs);
            var carefulRun = Assert.Single(careful.Read().Runs);

            Assert.Equal(carefulRun.Metrics.Keys.Order(), fastRun.Metrics.Keys.Order());
            foreach (var (key, points) in carefulRun.Metrics)
            {
                Assert.Equal(points.Select(Bits), fastRun.Metrics[key].Select(Bits));
            }
        }
    }

    [Fact]
    public void A_row_with_nan_or_a_bad_cell_falls_back_and_is_read_or_reported_the_careful_way()
    {
        using var folder = new LightningVersionFolder().WithHparams("a: 1\n")
            .WithMetrics("epoch,step,loss\n0,1,nan\n0,2,oops\n0,3.0,0.5\n0,4,1e-3\n");

        var result = folder.Read();

        var loss = Assert.Single(result.Runs).Metrics["loss"];
        Assert.Equal(new long[] { 1, 3, 4 }, loss.Select(p => p.Step));
        Assert.True(double.IsNaN(loss[0].Value));
        Assert.Equal(0.001, loss[2].Value);
        Assert.Contains(result.Problems, p => p.Line == 3 && p.Message.Contains("oops", StringComparison.Ordinal));
    }

    private static (long, long, long) Bits(MetricPoint p) => (p.Step, p.TimestampMs, BitConverter.DoubleToInt64Bits(p.Value));

    private static string Cell(Random random, string column, int row)
    {
        if (column == "step")
        {
            return random.Next(4) == 0 ? $"{row * 10}.0" : (row * 10).ToString(CultureInfo.InvariantCulture);
        }

        return random.Next(6) switch
        {
            0 => string.Empty,
            1 => random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
            2 => (random.NextDouble() * Math.Pow(10, random.Next(-12, 12))).ToString("E5", CultureInfo.InvariantCulture),
            3 => (-random.NextDouble()).ToString("R", CultureInfo.InvariantCulture),
            4 => ((float)random.NextDouble()).ToString("R", CultureInfo.InvariantCulture),
            _ => random.NextDouble().ToString("R", CultureInfo.InvariantCulture),
        };
    }
}
