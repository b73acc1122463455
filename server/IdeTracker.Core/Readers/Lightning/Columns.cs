using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Lightning;

/// <summary>The columns a metrics.csv header declares, and how a row of cells becomes metric points.</summary>
internal sealed class Columns
{
    private const string StepColumn = "step";

    private readonly string[] _names;
    private readonly int _stepIndex;
    private readonly List<MetricPoint>?[] _series;

    private Columns(string[] names, int stepIndex)
    {
        _names = names;
        _stepIndex = stepIndex;
        _series = new List<MetricPoint>?[names.Length];
    }

    /// <summary>Null (and a problem) when the header has no step column: then no row can be placed.</summary>
    public static Columns? FromHeader(List<string> cells, int line, ProblemList found)
    {
        var names = cells.Select(c => c.Trim()).ToArray();
        var stepIndex = Array.IndexOf(names, StepColumn);
        if (stepIndex < 0)
        {
            found.Add(line, "the header has no step column; metrics not read", ProblemSeverity.Error);
            return null;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                found.Add(line, $"column {i + 1} has no name; its values are ignored");
            }
        }

        return new Columns(names, stepIndex);
    }

    /// <summary>A header line names a step column and holds no number; a data row always has a number.</summary>
    public static bool IsHeader(List<string> cells) =>
        cells.Any(c => c.Trim() == StepColumn) && !cells.Any(c => CsvFields.TryParseValue(c, out _));

    public void AddRow(List<string> cells, int line, Dictionary<string, List<MetricPoint>> metrics, ProblemList found)
    {
        if (cells.Count != _names.Length)
        {
            found.Add(line, $"{cells.Count} cells, header has {_names.Length}");
            return;
        }

        if (!CsvFields.TryParseStep(cells[_stepIndex], out var step))
        {
            found.Add(line, $"step '{Shorten(cells[_stepIndex])}' is not a whole number; row skipped");
            return;
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (i == _stepIndex || _names[i].Length == 0 || string.IsNullOrWhiteSpace(cell))
            {
                continue;
            }

            if (!CsvFields.TryParseValue(cell, out var value))
            {
                found.Add(line, $"{Shorten(_names[i])}: '{Shorten(cell)}' is not a number");
                continue;
            }

            SeriesOf(i, metrics).Add(new MetricPoint(step, 0, value));
        }
    }

    private List<MetricPoint> SeriesOf(int column, Dictionary<string, List<MetricPoint>> metrics)
    {
        if (_series[column] is { } series)
        {
            return series;
        }

        if (!metrics.TryGetValue(_names[column], out series))
        {
            series = [];
            metrics[_names[column]] = series;
        }

        _series[column] = series;
        return series;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
