using IdeTracker.Core.Model;
using IdeTracker.Core.Notes.Drafts;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Notes;

public sealed class MetricPlotTests
{
    [Fact]
    public void A_plot_is_a_png_of_the_asked_size_on_white_with_colored_lines_and_nan_points_left_out()
    {
        using var temp = new TempDirectory();
        var curves = new[]
        {
            new MetricCurve("a", [.. Enumerable.Range(0, 50).Select(i => new MetricPoint(i, 0, Math.Sqrt(i)))]),
            new MetricCurve("b", [.. Enumerable.Range(0, 50).Select(i => new MetricPoint(i, 0, i == 10 ? double.NaN : i / 10.0))]),
        };
        var file = temp.Combine("plot.png");

        File.WriteAllBytes(file, MetricPlot.RenderPng("val/acc", curves, 640, 360));

        Assert.True(PngCheck.HasDrawing(file, 640, 360));
        using var bitmap = SkiaSharp.SKBitmap.Decode(file);
        var colored = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                colored += Math.Max(p.Red, Math.Max(p.Green, p.Blue)) - Math.Min(p.Red, Math.Min(p.Green, p.Blue)) > 80 ? 1 : 0;
            }
        }

        Assert.True(colored > 200, $"only {colored} colored pixels: the lines were not drawn");
    }

    [Theory]
    [InlineData("val/acc", "val-acc.png")]
    [InlineData("Validation accuracy", "Validation-accuracy.png")]
    [InlineData("../../etc/passwd", "etc-passwd.png")]
    [InlineData("///", "metric.png")]
    [InlineData(".hidden", "hidden.png")]
    public void Plot_file_names_are_safe_for_any_metric_name(string metric, string file) =>
        Assert.Equal(file, new PlotFileNames().For(metric));

    [Fact]
    public void Two_metrics_that_clean_to_one_name_get_two_files()
    {
        var names = new PlotFileNames();

        Assert.Equal(["val-acc.png", "val-acc-2.png"], [names.For("val/acc"), names.For("val acc")]);
    }
}
