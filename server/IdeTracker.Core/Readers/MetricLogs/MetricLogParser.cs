using System.Text;
using System.Text.Unicode;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.MetricLogs;

/// <summary>Takes a metric log's whole lines, one at a time, into a <see cref="MetricLogState"/>.
/// <para>Delimited logs: the first line is the header; the step-like column gives each row's step, a time column
/// whose values are wall times gives its time, every other column is a metric whose empty cells are absent
/// points. A header line repeated further down (a second writer appending, Keras CSVLogger started again on a
/// fresh file) is passed over; a different one re-maps the columns from there on. Rows are kept in file order,
/// so a Keras log appended to by a second training whose epochs restart at 0 keeps both trainings' points.</para>
/// <para>JSON lines: each object's numbers are metrics (nested keys joined with "/"), its step-like key the step.</para>
/// <para>Text that is not a number is never a param: a column that holds one same text throughout is a tag,
/// any other text is counted and said once.</para></summary>
internal sealed partial class MetricLogParser
{
    private readonly string _path;
    private readonly MetricLogState _state;
    private readonly ProblemList _found;
    private readonly long _maxPoints;
    private readonly List<string> _cells = [];
    private readonly List<JsonField> _fields = [];

    // For the header in force: the series each column feeds (found once, not per row) and which columns are not read.
    private List<MetricPoint>?[] _series = [];
    private bool[] _ignored = [];
    private bool[] _timeNamed = [];

    public MetricLogParser(string path, MetricLogState state, long maxPoints)
    {
        _path = path;
        _state = state;
        _maxPoints = maxPoints;
        _found = new ProblemList(path, state.Problems, state.ProblemCount);
        if (state.Header is { } header)
        {
            PrepareColumns(header);
        }
    }

    public void TooLong(int line, int maxBytes)
    {
        if (!_state.Full)
        {
            _found.Add(line, $"line longer than {maxBytes / 1024} KB; skipped");
        }
    }

    public void Line(ReadOnlySpan<byte> bytes, int line)
    {
        if (_state.Full)
        {
            return;
        }

        if (!_state.WarnedUtf8 && !Utf8.IsValid(bytes))
        {
            _state.WarnedUtf8 = true;
            _found.Add(line, "holds bytes that are not UTF-8 (the first such line is this one); they are read as \uFFFD");
        }

        // Almost every row of a delimited log is plain numbers: they are taken straight from the bytes.
        if (_state.Layout == LogLayout.Delimited && TryPlainRow(bytes))
        {
            return;
        }

        var content = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        var trimmed = content.Trim(" \t\r"u8);
        if (trimmed.IsEmpty)
        {
            return;
        }

        if (_state.Layout == LogLayout.Unknown)
        {
            _state.Layout = trimmed[0] == (byte)'{' ? LogLayout.JsonLines : LogLayout.Delimited;
        }

        if (_state.Layout == LogLayout.JsonLines)
        {
            JsonLine(content, line);
        }
        else
        {
            DelimitedLine(Encoding.UTF8.GetString(content).TrimEnd('\r'), line);
        }
    }

    /// <summary>Hands the problem count back to the state, so that the cap holds across resumed reads.</summary>
    public void Finish() => _state.ProblemCount = _found.Count;

    private void DelimitedLine(string text, int line)
    {
        if (_state.Header is null)
        {
            _state.Delimiter = Delimiters.Guess(text, _path);
            CsvFields.Split(text, _state.Delimiter, _cells);
            SetHeader(line);
            return;
        }

        CsvFields.Split(text, _state.Delimiter, _cells);
        if (IsHeaderLine())
        {
            if (!_cells.Select(c => c.Trim()).SequenceEqual(_state.Header))
            {
                _found.Add(line, "the header changes here; the rows after it are read by its column names", ProblemSeverity.Information);
                SetHeader(line);
            }

            return;
        }

        if (_state.StepColumn < 0)
        {
            if (_state.RowsWithoutStep++ == 0)
            {
                _state.FirstRowWithoutStep = line;
            }

            return;
        }

        var header = _state.Header;
        if (_cells.Count != header.Length)
        {
            _found.Add(line, $"{_cells.Count} cells where the header has {header.Length}; row skipped");
            return;
        }

        if (!CsvFields.TryParseStep(_cells[_state.StepColumn], out var step))
        {
            _found.Add(line, $"step '{Shorten(_cells[_state.StepColumn])}' is not a whole number; row skipped");
            return;
        }

        var time = 0L;
        for (var i = 0; i < header.Length; i++)
        {
            if (_timeNamed[i] && !_ignored[i] && IsWallTimeColumn(header[i], _cells[i], line, out var ms) && ms is { } at)
            {
                time = at;
            }
        }

        for (var i = 0; i < header.Length; i++)
        {
            var cell = _cells[i];
            if (i == _state.StepColumn || _ignored[i] || string.IsNullOrWhiteSpace(cell) || (_timeNamed[i] && IsWallTimeColumn(header[i])))
            {
                continue;
            }

            if (!CsvFields.TryParseValue(cell, out var value))
            {
                TextOf(header[i]).Add(cell.Trim(), line);
            }
            else if (!Add(_series[i] ??= SeriesOf(header[i]), new MetricPoint(step, time, value), line))
            {
                return;
            }
        }
    }

    private void JsonLine(ReadOnlySpan<byte> bytes, int line)
    {
        if (JsonLineRecord.TryParse(bytes, _fields) is { } error)
        {
            _found.Add(line, error + "; line skipped");
            return;
        }

        var stepField = -1;
        var bestRank = int.MaxValue;
        for (var i = 0; i < _fields.Count; i++)
        {
            var rank = LogColumns.StepRank(_fields[i].Key);
            if (rank >= 0 && rank < bestRank && _fields[i].Kind == JsonFieldKind.Number && double.IsInteger(_fields[i].Number) && Math.Abs(_fields[i].Number) < 9.2e18)
            {
                (stepField, bestRank) = (i, rank);
            }
        }

        if (stepField < 0)
        {
            _found.Add(line, $"no step ({LogColumns.StepNamesText}) holding a whole number in this record; line skipped");
            return;
        }

        var step = (long)_fields[stepField].Number;
        var time = 0L;
        foreach (var field in _fields)
        {
            var text = field.Kind == JsonFieldKind.Number ? PythonJson.Text(field.Number) : field.Text ?? "";
            if (IsWallTimeColumn(field.Key, text, line, out var ms) && ms is { } at)
            {
                time = at;
            }
        }

        for (var i = 0; i < _fields.Count; i++)
        {
            var field = _fields[i];
            if (i == stepField || field.Kind == JsonFieldKind.Null || IsWallTimeColumn(field.Key))
            {
                continue;
            }

            if (field.Kind == JsonFieldKind.Text)
            {
                TextOf(field.Key).Add(Shorten(field.Text ?? ""), line);
            }
            else if (!Add(SeriesOf(field.Key), new MetricPoint(step, time, field.Number), line))
            {
                return;
            }
        }
    }

    private void SetHeader(int line)
    {
        var names = _cells.Select(c => c.Trim()).ToArray();
        _state.Header = names;
        _state.StepColumn = LogColumns.BestStep(names);
        if (_state.StepColumn < 0)
        {
            _found.Add(line, $"the header names no step column ({LogColumns.StepNamesText}); rows under it are not read", ProblemSeverity.Error);
        }

        PrepareColumns(names);
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                _found.Add(line, $"column {i + 1} has no name; its cells are not read");
            }
            else if (_ignored[i])
            {
                _found.Add(line, $"column {i + 1} repeats the name '{Shorten(names[i])}'; its cells are not read");
            }
        }
    }

    private void PrepareColumns(string[] names)
    {
        _series = new List<MetricPoint>?[names.Length];
        _ignored = new bool[names.Length];
        _timeNamed = names.Select(LogColumns.IsTimeName).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            _ignored[i] = names[i].Length == 0 || !seen.Add(names[i]);
        }
    }

    /// <summary>A header line holds no number, and names a step column or repeats the header in force.</summary>
    private bool IsHeaderLine()
    {
        foreach (var cell in _cells)
        {
            if (CsvFields.TryParseValue(cell, out _))
            {
                return false;
            }
        }

        return LogColumns.BestStep(_cells) >= 0 || _cells.Select(c => c.Trim()).SequenceEqual(_state.Header!);
    }

    /// <summary>Whether a time-like column gives wall times, decided by its first value; with <paramref name="ms"/> this value's time.</summary>
    private bool IsWallTimeColumn(string name, string cell, int line, out long? ms)
    {
        ms = null;
        if (!LogColumns.IsTimeName(name) || string.IsNullOrWhiteSpace(cell))
        {
            return false;
        }

        var parsed = TryWallTime(cell, out var at);
        if (!_state.TimeColumns.TryGetValue(name, out var isTime))
        {
            isTime = parsed;
            _state.TimeColumns[name] = isTime;
        }

        if (!isTime)
        {
            return false;
        }

        if (parsed)
        {
            ms = at;
            _state.NoteTime(at);
        }
        else
        {
            _found.Add(line, $"{Shorten(name)} '{Shorten(cell)}' is not a time; the points of this row have none");
        }

        return true;
    }

    private bool IsWallTimeColumn(string name) => _state.TimeColumns.TryGetValue(name, out var isTime) && isTime;

    private static bool TryWallTime(string cell, out long ms)
    {
        if (CsvFields.TryParseValue(cell, out var number))
        {
            return UtcTime.TryFromEpochNumber(number, out ms);
        }

        ms = 0;
        if (!UtcTime.TryParseIso(cell, out var time))
        {
            return false;
        }

        ms = UtcTime.ToMilliseconds(time);
        return true;
    }

    private bool Add(List<MetricPoint> series, MetricPoint point, int line)
    {
        if (_state.Points >= _maxPoints)
        {
            _state.Full = true;
            _found.Add(line, $"more than {_maxPoints:N0} metric points; the rest of the file is not read", ProblemSeverity.Error);
            return false;
        }

        series.Add(point);
        _state.Points++;
        return true;
    }

    private List<MetricPoint> SeriesOf(string name)
    {
        if (!_state.Metrics.TryGetValue(name, out var series))
        {
            series = [];
            _state.Metrics[name] = series;
        }

        return series;
    }

    private ColumnText TextOf(string name)
    {
        if (!_state.Texts.TryGetValue(name, out var text))
        {
            text = new ColumnText();
            _state.Texts[name] = text;
        }

        return text;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
