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
        var fileProblems = new List<Problem>();
        var found = new ProblemList(path, fileProblems);
        Rows? rows = null;
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

            if (previous is not null && length >= previous.WholeEnd && previous.Header.StillIn(stream.SafeFileHandle) && previous.Check.StillIn(stream.SafeFileHandle))
            {
                fileProblems.AddRange(previous.Problems);
                found = new ProblemList(path, fileProblems, previous.ProblemCount);
                rows = Rows.After(previous, found);
                stream.Seek(previous.WholeEnd, SeekOrigin.Begin);
            }
            else
            {
                rows = new Rows(found);
            }

            using var lines = new BoundedLineReader(stream, MaxLineBytes);
            rows.ReadLines(lines, ct);
            state = rows.State(fileProblems, found);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            found.Add(0, "cannot be read: " + ex.Message, ProblemSeverity.Error);
            state = null;
        }
        finally
        {
            found.Flush();
            problems.AddRange(fileProblems);
            if (rows is not null)
            {
                foreach (var (key, series) in rows.Metrics)
                {
                    into[key] = series;
                }
            }
        }

        return state;
    }

    /// <summary>One read's way through the lines, from the start of the file or from where an earlier read stopped.</summary>
    private sealed class Rows
    {
        private readonly ProblemList found;
        private readonly List<string> cells = [];
        private readonly byte[] check = new byte[CheckBytes];
        private readonly long from;
        private readonly int lineBase;
        private Columns? columns;
        private bool stopped;
        private int linesRead;
        private FileLandmark header;
        private long checkAt;
        private int checkLength;
        private long consumed;

        public Rows(ProblemList found)
        {
            this.found = found;
            Metrics = new(StringComparer.Ordinal);
            header = FileLandmark.None;
        }

        private Rows(MetricsCsvState previous, ProblemList found)
        {
            this.found = found;
            Metrics = SeriesAsTheyWere(previous);
            columns = previous.Columns.Continued();
            from = previous.WholeEnd;
            lineBase = previous.WholeLines;
            header = previous.Header;
            checkAt = previous.Check.At;
            checkLength = previous.Check.Bytes.Length;
            previous.Check.Bytes.CopyTo(check, 0);
        }

        public Dictionary<string, List<MetricPoint>> Metrics { get; }

        public static Rows After(MetricsCsvState previous, ProblemList found) => new(previous, found);

        /// <summary>Null when there is nothing to carry on from: no header yet, or one without a step column (then
        /// the rest of the file is not read, and the next read looks at the header again).</summary>
        public MetricsCsvState? State(List<Problem> listed, ProblemList counted) => columns is null || stopped
            ? null
            : new MetricsCsvState
            {
                Metrics = Metrics,
                SeriesCounts = [.. Metrics.Select(m => KeyValuePair.Create(m.Key, m.Value.Count))],
                Columns = columns,
                WholeEnd = from + consumed,
                WholeLines = lineBase + linesRead,
                Problems = [.. listed],
                ProblemCount = counted.Counted,
                Header = header,
                Check = new FileLandmark(checkAt, check[..checkLength]),
            };

        public void ReadLines(BoundedLineReader lines, CancellationToken ct)
        {
            while (lines.TryReadBytes(out var bytes, out var tooLong))
            {
                var lineNumber = lineBase + lines.LineNumber;
                linesRead = lines.LineNumber;
                var lineStart = from + consumed;
                consumed = lines.Consumed;
                if (lines.LineNumber % LinesBetweenCancellationChecks == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                if (tooLong)
                {
                    found.Add(lineNumber, $"line longer than {MaxLineBytes / 1024} KiB skipped");
                    continue;
                }

                var raw = lines.LastLineAsRead;
                checkLength = Math.Min(CheckBytes, raw.Length);
                checkAt = lineStart + raw.Length - checkLength;
                raw[^checkLength..].CopyTo(check);

                // Almost every row is plain numbers: take them straight from the bytes. Anything else (the header,
                // quotes, nan, a bad cell) goes the careful way below, which also words the problems.
                if (columns is not null && (bytes.IsEmpty || columns.TryAddPlainRow(bytes, Metrics)))
                {
                    continue;
                }

                var line = Encoding.UTF8.GetString(bytes);
                if (columns is null)
                {
                    header = FileLandmark.Head(lineStart, raw, HeaderCheckBytes);
                    CsvFields.Split(line.TrimStart('\uFEFF'), cells);
                    columns = Columns.FromHeader(cells, lineNumber, found);
                    if (columns is null)
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
                    columns = Columns.FromHeader(cells, lineNumber, found);
                    if (columns is null)
                    {
                        stopped = true;
                        return;
                    }

                    continue;
                }

                columns.AddRow(cells, lineNumber, Metrics, found);
            }
        }

        /// <summary>The earlier read's series cut back to what its whole rows gave, in the order they first appeared: a
        /// read cancelled since may have added points, or series, that the next read will add again.</summary>
        private static Dictionary<string, List<MetricPoint>> SeriesAsTheyWere(MetricsCsvState previous)
        {
            var metrics = previous.Metrics;
            if (metrics.Count != previous.SeriesCounts.Length)
            {
                metrics = new Dictionary<string, List<MetricPoint>>(previous.SeriesCounts.Length, StringComparer.Ordinal);
                foreach (var (key, _) in previous.SeriesCounts)
                {
                    metrics[key] = previous.Metrics[key];
                }
            }

            foreach (var (key, count) in previous.SeriesCounts)
            {
                var series = metrics[key];
                series.RemoveRange(count, series.Count - count);
            }

            return metrics;
        }
    }
}
