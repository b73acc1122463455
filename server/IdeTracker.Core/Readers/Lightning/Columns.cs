using System.Buffers.Text;
using IdeTracker.Core.Model;

using IdeTracker.Core.Readers.Common;

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

    /// <summary>The same columns for a read that carries on after an earlier one, which found their series in
    /// <c>metrics</c> afresh.</summary>
    public Columns Continued() => new(_names, _stepIndex);

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

    /// <summary>Adds a row whose cells are all plain numbers or empty, parsed from the bytes without making
    /// strings. False, having added nothing, for any other row: the caller then reads it the careful way.</summary>
    public bool TryAddPlainRow(ReadOnlySpan<byte> line, Dictionary<string, List<MetricPoint>> metrics)
    {
        if (line.IndexOf((byte)'"') >= 0 || line.Count((byte)',') != _names.Length - 1)
        {
            return false;
        }

        Span<double> values = _names.Length <= 64 ? stackalloc double[_names.Length] : new double[_names.Length];
        Span<bool> present = _names.Length <= 64 ? stackalloc bool[_names.Length] : new bool[_names.Length];
        long? step = null;
        var rest = line;
        for (var i = 0; i < _names.Length; i++)
        {
            var comma = rest.IndexOf((byte)',');
            var cell = comma < 0 ? rest : rest[..comma];
            rest = comma < 0 ? default : rest[(comma + 1)..];
            if (cell.IsEmpty)
            {
                continue;
            }

            if (i == _stepIndex && Utf8Parser.TryParse(cell, out long wholeStep, out var used) && used == cell.Length)
            {
                step = wholeStep;
                present[i] = true;
                continue;
            }

            if (!Utf8Parser.TryParse(cell, out double value, out var consumed) || consumed != cell.Length)
            {
                return false;
            }

            values[i] = value;
            present[i] = true;
        }

        if (!present[_stepIndex])
        {
            return false;
        }

        if (step is null)
        {
            // "12.0": a step written as a float.
            var stepValue = values[_stepIndex];
            if (!double.IsInteger(stepValue) || Math.Abs(stepValue) >= 9.2e18)
            {
                return false;
            }

            step = (long)stepValue;
        }

        for (var i = 0; i < _names.Length; i++)
        {
            if (present[i] && i != _stepIndex && _names[i].Length != 0)
            {
                SeriesOf(i, metrics).Add(new MetricPoint(step.Value, 0, values[i]));
            }
        }

        return true;
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
