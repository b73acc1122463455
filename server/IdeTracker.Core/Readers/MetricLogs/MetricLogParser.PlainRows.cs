using System.Buffers.Text;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.MetricLogs;

/// <summary>The fast way through a delimited log: rows of plain numbers, straight from their bytes.</summary>
internal sealed partial class MetricLogParser
{
    /// <summary>Adds a row whose cells are all plain numbers or empty, with its time column (if any) already known
    /// to hold wall times. False, having changed nothing, for any other row: it then goes the careful way, which
    /// also words the problems.</summary>
    private bool TryPlainRow(ReadOnlySpan<byte> bytes)
    {
        var header = _state.Header;
        var stepColumn = _state.StepColumn;
        var delimiter = (byte)_state.Delimiter;
        if (header is null || stepColumn < 0 || bytes.IndexOf((byte)'"') >= 0 || bytes.Count(delimiter) != header.Length - 1
            || _state.Points + header.Length > _maxPoints)
        {
            return false;
        }

        Span<double> values = header.Length <= 64 ? stackalloc double[header.Length] : new double[header.Length];
        Span<bool> present = header.Length <= 64 ? stackalloc bool[header.Length] : new bool[header.Length];
        var rest = bytes;
        for (var i = 0; i < header.Length; i++)
        {
            var end = rest.IndexOf(delimiter);
            var cell = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            if (cell.IsEmpty)
            {
                continue;
            }

            if (!Utf8Parser.TryParse(cell, out double value, out var used) || used != cell.Length)
            {
                return false;
            }

            (values[i], present[i]) = (value, true);
        }

        var stepValue = values[stepColumn];
        if (!present[stepColumn] || !double.IsInteger(stepValue) || Math.Abs(stepValue) >= 9.2e18)
        {
            return false;
        }

        // Time columns: each must already be known to hold wall times (or not), as the careful way decides.
        for (var i = 0; i < header.Length; i++)
        {
            if (_timeNamed[i] && !_ignored[i] && present[i]
                && (!_state.TimeColumns.TryGetValue(header[i], out var isTime) || (isTime && !UtcTime.TryFromEpochNumber(values[i], out _))))
            {
                return false;
            }
        }

        long? time = null;
        for (var i = 0; i < header.Length; i++)
        {
            if (_timeNamed[i] && !_ignored[i] && present[i] && IsWallTimeColumn(header[i]) && UtcTime.TryFromEpochNumber(values[i], out var ms))
            {
                _state.NoteTime(ms);
                time = ms;
            }
        }

        var step = (long)stepValue;
        for (var i = 0; i < header.Length; i++)
        {
            if (present[i] && i != stepColumn && !_ignored[i] && !(_timeNamed[i] && IsWallTimeColumn(header[i])))
            {
                (_series[i] ??= SeriesOf(header[i])).Add(new MetricPoint(step, time ?? 0, values[i]));
                _state.Points++;
            }
        }

        return true;
    }
}
