using System.Text.Json;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Sacred;

/// <summary>Reads Sacred's metrics.json, <c>{name: {"steps": […], "timestamps": […], "values": […]}}</c> (timestamps
/// ISO 8601 UTC without a zone; values may be NaN, Infinity or a numpy scalar). The file is walked token by
/// token rather than loaded as a document: it is the one Sacred file that grows large. Sacred rewrites it
/// whole at every heartbeat, and not atomically, so a read can meet a cut-off file: the metrics complete
/// before the cut are kept, and the next heartbeat's rewrite brings the rest.</summary>
internal static class MetricsJsonFile
{
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Adds each metric to <paramref name="metrics"/>, stopping when <paramref name="pointBudget"/> points
    /// were added. Returns the number of points added.</summary>
    public static long Read(string path, Dictionary<string, List<MetricPoint>> metrics, long pointBudget, List<Problem> problems, CancellationToken ct)
    {
        if (JsonFile.ReadBytes(path, MaxBytes, problems) is not { } bytes)
        {
            return 0;
        }

        var found = new ProblemList(path, problems);
        var reader = new Utf8JsonReader(bytes.Span, JsonFile.ReaderOptions);
        long added = 0;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                found.Add(1, "is not a mapping of metric names to their values; not read", ProblemSeverity.Error);
                return 0;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                ct.ThrowIfCancellationRequested();
                var name = reader.GetString()!;
                var line = JsonText.LineAt(bytes.Span, reader.TokenStartIndex);
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    found.Add(line, $"'{name}' is not a {{values, steps, timestamps}} record; skipped");
                    reader.Skip();
                    continue;
                }

                var series = Series.Read(ref reader);
                if (added + series.Count > pointBudget)
                {
                    found.Add(line, $"more metric points than the {pointBudget:N0} a run may have; '{name}' and the metrics after it are not read", ProblemSeverity.Error);
                    break;
                }

                var points = series.ToPoints(name, line, found);
                metrics[name] = points;
                added += points.Count;
            }

            // Past the closing brace only spaces may follow: reading on throws for anything else.
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
            {
                _ = reader.Read();
            }
        }
        catch (JsonException e)
        {
            var problem = JsonFile.ProblemOf(path, e, bytes.Length);
            problems.Add(added > 0 ? problem with { Message = problem.Message + "; the metrics complete before this line are read" } : problem);
        }
        finally
        {
            found.Flush();
        }

        return added;
    }

    /// <summary>The three lists of one metric as they stand in the file; an entry that is not what it should be is null.</summary>
    private sealed class Series
    {
        private readonly List<double?> _values = [];
        private readonly List<long?> _steps = [];
        private readonly List<long?> _timestamps = [];
        private bool _hasTimestamps;

        public int Count => Math.Min(_values.Count, _steps.Count);

        public static Series Read(ref Utf8JsonReader reader)
        {
            var series = new Series();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString();
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                switch (key)
                {
                    case "values":
                        ReadArray(ref reader, series._values, ReadValue);
                        break;
                    case "steps":
                        ReadArray(ref reader, series._steps, ReadStep);
                        break;
                    case "timestamps":
                        series._hasTimestamps = true;
                        ReadArray(ref reader, series._timestamps, ReadTimestamp);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            return series;
        }

        public List<MetricPoint> ToPoints(string name, int line, ProblemList found)
        {
            var count = Count;
            if (_values.Count != _steps.Count || (_hasTimestamps && _timestamps.Count != _values.Count))
            {
                found.Add(line, $"'{name}' has {_values.Count} values, {_steps.Count} steps and {_timestamps.Count} timestamps; the first {count} points are read");
            }

            var points = new List<MetricPoint>(count);
            var unusable = 0;
            var untimed = 0;
            for (var i = 0; i < count; i++)
            {
                if (_values[i] is not { } value || _steps[i] is not { } step)
                {
                    unusable++;
                    continue;
                }

                var timestamp = i < _timestamps.Count ? _timestamps[i] : 0;
                if (timestamp is null)
                {
                    untimed++;
                }

                points.Add(new MetricPoint(step, timestamp ?? 0, value));
            }

            if (unusable > 0)
            {
                found.Add(line, $"'{name}': {unusable} points have a value that is not a number or a step that is not a whole number; left out");
            }

            if (untimed > 0)
            {
                found.Add(line, $"'{name}': {untimed} timestamps are not ISO 8601 times; those points have no time");
            }

            return points;
        }

        private delegate T? ReadItem<T>(ref Utf8JsonReader reader)
            where T : struct;

        private static void ReadArray<T>(ref Utf8JsonReader reader, List<T?> into, ReadItem<T> read)
            where T : struct
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                into.Add(read(ref reader));
            }
        }

        private static double? ReadValue(ref Utf8JsonReader reader)
        {
            if (PythonJson.TryGetNumber(ref reader, out var value))
            {
                return value;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                // A numpy scalar, or something that is not a number at all.
                using var document = JsonDocument.ParseValue(ref reader);
                return JsonPickle.TryGetNumber(document.RootElement, out value) ? value : null;
            }

            return null;
        }

        private static long? ReadStep(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                if (reader.TryGetInt64(out var step))
                {
                    return step;
                }

                if (reader.TryGetDouble(out var number) && double.IsInteger(number) && Math.Abs(number) < 9.2e18)
                {
                    return (long)number;
                }
            }

            reader.Skip();
            return null;
        }

        private static long? ReadTimestamp(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.String && UtcTime.TryParseIso(reader.GetString(), out var time))
            {
                return UtcTime.ToMilliseconds(time);
            }

            reader.Skip();
            return null;
        }
    }
}
