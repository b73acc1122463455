using IdeTracker.Core.Series;
using ScottPlot;

namespace IdeTracker.Core.Notes.Drafts;

/// <summary>Draws a metric's curves (one line per run, steps across, the metric's name up the side, a legend of run
/// names) as a PNG on a white background, so it reads the same in light and dark Markdown previews. Each curve is
/// downsampled to <see cref="MaxPointsPerCurve"/> points; non-finite values are left out of the line (a line
/// cannot be drawn through NaN). The legend sits in the corner the curves leave empty: lower right when they rise.</summary>
public static class MetricPlot
{
    public const int Width = 800;
    public const int Height = 450;
    public const int MaxPointsPerCurve = 2000;

    public static byte[] RenderPng(string metric, IReadOnlyList<MetricCurve> curves, int width = Width, int height = Height)
    {
        var plot = new Plot();
        try
        {
            plot.FigureBackground.Color = Colors.White;
            plot.DataBackground.Color = Colors.White;
            var palette = new ScottPlot.Palettes.Category10();
            for (var i = 0; i < curves.Count; i++)
            {
                var points = SeriesDownsampler.Downsample(curves[i].Points, MaxPointsPerCurve)
                    .Where(p => double.IsFinite(p.Value))
                    .ToList();
                var line = plot.Add.ScatterLine(points.Select(p => (double)p.Step).ToArray(), points.Select(p => p.Value).ToArray());
                line.Color = palette.GetColor(i);
                line.LineWidth = 2;
                line.MarkerSize = points.Count == 1 ? 6 : 0;
                line.LegendText = curves[i].RunName;
            }

            plot.Title(metric);
            plot.XLabel("step");
            plot.YLabel(metric);
            plot.ShowLegend(Rises(curves) ? Alignment.LowerRight : Alignment.UpperRight);
            return plot.GetImageBytes(width, height, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }

    /// <summary>Whether the first curve ends higher than it starts: its legend then goes in the corner the curves leave empty.</summary>
    private static bool Rises(IReadOnlyList<MetricCurve> curves)
    {
        var finite = curves.Count == 0 ? [] : curves[0].Points.Where(p => double.IsFinite(p.Value)).ToList();
        return finite.Count > 1 && finite[^1].Value > finite[0].Value;
    }
}
