using System.Text;
using IdeTracker.Core.Model;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Lightning;

/// <summary>Reads a CSVLogger metrics.csv: a header naming every key (always "step"), then sparse rows where an
/// empty cell means "not logged at this step". Every other column, epoch included, is a metric. Given where an
/// earlier read of the file stopped, it reads only the rows appended since, unless the file was rewritten.</summary>
internal static class MetricsCsvFile
{
    public const long MaxBytes = 256L * 1024 * 1024;
    public const int MaxLineBytes = 64 * 1024;
    private const int LinesBetweenCancellationChecks = 4096;

    /// <summary>How much of the header, and of the last line, a resumed read compares with what the file has now.</summary>
    private const int HeaderCheckBytes = 4096;
    private const int CheckBytes = 32;

    /// <summary>Adds the file's series to <paramref name="into"/> and its problems to <paramref name="problems"/>, and
    /// returns where the next read can carry on (null when it must start again: the file could not be read, or its
    /// header is unusable). With <paramref name="previous"/>, a file that only grew since is read from where that read
    /// stopped; a shorter one, or one whose header or last read line changed, is read whole. The result is the one a
    /// whole read gives. A last line without its newline is left for the next read, as a whole read leaves it.</summary>
    public static MetricsCsvState? Read(
        string path,
        MetricsCsvState? previous,
        Dictionary<string, List<MetricPoint>> into,
        List<Problem> problems,
        CancellationToken ct)
    {
        var firstProblem = problems.Count;
        var found = new ProblemList(path, problems);
        MetricsCsvState? state = null;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            var length = stream.Length;
            if (length > MaxBytes)
            {
                found.Add(0, $"not read: the file is {length / (1024 * 1024):N0} MiB, over the {MaxBytes / (1024 * 1024)} MiB limit", ProblemSeverity.Error);
                return null;
            }

            Rows rows;
            if (previous is not null && length >= previous.WholeEnd && previous.Header.StillIn(stream.SafeFileHandle) && previous.Check.StillIn(stream.SafeFileHandle))
            {
                problems.AddRange(previous.Problems);
                found = new ProblemList(path, problems, previous.ProblemCount);
                rows = Rows.After(previous, into, found);
                stream.Seek(previous.WholeEnd, SeekOrigin.Begin);
            }
            else
            {
                rows = new Rows(into, found);
            }

            using var lines = new BoundedLineReader(stream, MaxLineBytes);
            rows.ReadLines(lines, ct);
            state = rows.State(problems, firstProblem, found, lines);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            found.Add(0, "cannot be read: " + ex.Message, ProblemSeverity.Error);
            state = null;
        }
        finally
        {
            found.Flush();
        }

        return state;
    }

    /// <summary>One read's way through the lines, from the start of the file or from where an earlier read stopped.</summary>
    private sealed class Rows
    {
        private readonly ProblemList found;
        private readonly List<string> cells = [];
        private readonly long from;
        private readonly int lineBase;
        private Columns? columns;
        private bool stopped;
        private int linesRead;
        private FileLandmark header;
        private FileLandmark check = FileLandmark.None;

        /// <param name="metrics">Where the series go: the run's, empty.</param>
        public Rows(Dictionary<string, List<MetricPoint>> metrics, ProblemList found)
        {
            this.found = found;
            Metrics = metrics;
            header = FileLandmark.None;
        }

        private Rows(MetricsCsvState previous, Dictionary<string, List<MetricPoint>> metrics, ProblemList found)
        {
            this.found = found;
            Metrics = metrics;
            AddSeriesAsTheyWere(previous, metrics);
            columns = previous.Columns.Continued();
            from = previous.WholeEnd;
            lineBase = previous.WholeLines;
            header = previous.Header;
            check = previous.Check;
        }

        public Dictionary<string, List<MetricPoint>> Metrics { get; }

        public static Rows After(MetricsCsvState previous, Dictionary<string, List<MetricPoint>> metrics, ProblemList found) => new(previous, metrics, found);

        /// <summary>Null when there is nothing to carry on from: no header yet, or one without a step column (then
        /// the rest of the file is not read, and the next read looks at the header again).</summary>
        public MetricsCsvState? State(List<Problem> problems, int firstProblem, ProblemList counted, BoundedLineReader lines)
        {
            if (columns is null || stopped)
            {
                return null;
            }

            Span<byte> tail = stackalloc byte[CheckBytes];
            var kept = lines.CopyConsumedTail(tail);
            var counts = new KeyValuePair<string, int>[Metrics.Count];
            var i = 0;
            foreach (var (key, series) in Metrics)
            {
                counts[i++] = KeyValuePair.Create(key, series.Count);
            }

            return new MetricsCsvState
            {
                Metrics = Metrics,
                SeriesCounts = counts,
                Columns = columns,
                WholeEnd = from + lines.Consumed,
                WholeLines = lineBase + linesRead,
                Problems = problems.Count == firstProblem ? [] : [.. problems.GetRange(firstProblem, problems.Count - firstProblem)],
                ProblemCount = counted.Count,
                Header = header,
                Check = kept > 0 ? new FileLandmark(from + lines.Consumed - kept, tail[..kept].ToArray()) : check,
            };
        }

        public void ReadLines(BoundedLineReader lines, CancellationToken ct)
        {
            // Locals in the loop, which runs once per row.
            var metrics = Metrics;
            var current = columns;
            try
            {
                while (lines.TryReadBytes(out var bytes, out var tooLong))
                {
                    var lineNumber = lineBase + lines.LineNumber;
                    linesRead = lines.LineNumber;
                    if (lines.LineNumber % LinesBetweenCancellationChecks == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                    }

                    if (tooLong)
                    {
                        found.Add(lineNumber, $"line longer than {MaxLineBytes / 1024} KiB skipped");
                        continue;
                    }

                    // Almost every row is plain numbers: take them straight from the bytes. Anything else (the header,
                    // quotes, nan, a bad cell) goes the careful way below, which also words the problems.
                    if (current is not null && (bytes.IsEmpty || current.TryAddPlainRow(bytes, metrics)))
                    {
                        continue;
                    }

                    var line = Encoding.UTF8.GetString(bytes);
                    if (current is null)
                    {
                        var raw = lines.LastLineAsRead;
                        header = FileLandmark.Head(from + lines.Consumed - raw.Length, raw, HeaderCheckBytes);
                        CsvFields.Split(line.TrimStart('\uFEFF'), cells);
                        current = Columns.FromHeader(cells, lineNumber, found);
                        if (current is null)
                        {
                            stopped = true;
                            return;
                        }

                        continue;
                    }

                    CsvFields.Split(line, cells);
                    if (Columns.IsHeader(cells))
                    {
                        // Lightning rewrites the whole file when a new key appears; a reader that raced the rewrite sees a second header.
                        found.Add(lineNumber, "the header repeats here (the file was rewritten while it was read); reading on with its columns", ProblemSeverity.Information);
                        current = Columns.FromHeader(cells, lineNumber, found);
                        if (current is null)
                        {
                            stopped = true;
                            return;
                        }

                        continue;
                    }

                    current.AddRow(cells, lineNumber, metrics, found);
                }
            }
            finally
            {
                columns = current;
            }
        }

        /// <summary>Gives the earlier read's series, cut back to what its whole rows gave, in the order they first
        /// appeared: a read cancelled since may have added points, or series, that this read adds again.</summary>
        private static void AddSeriesAsTheyWere(MetricsCsvState previous, Dictionary<string, List<MetricPoint>> into)
        {
            foreach (var (key, count) in previous.SeriesCounts)
            {
                var series = previous.Metrics[key];
                series.RemoveRange(count, series.Count - count);
                into[key] = series;
            }
        }
    }
}
