using System.Text;
using IdeTracker.Core.Model;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Lightning;

/// <summary>Reads a CSVLogger metrics.csv: a header naming every key (always "step"), then sparse rows where an
/// empty cell means "not logged at this step". Every other column, epoch included, is a metric.</summary>
internal static class MetricsCsvFile
{
    public const long MaxBytes = 256L * 1024 * 1024;
    public const int MaxLineBytes = 64 * 1024;
    private const int LinesBetweenCancellationChecks = 4096;

    public static void Read(string path, Dictionary<string, List<MetricPoint>> metrics, List<Problem> problems, CancellationToken ct)
    {
        var found = new ProblemList(path, problems);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            if (stream.Length > MaxBytes)
            {
                found.Add(0, $"not read: the file is {stream.Length / (1024 * 1024):N0} MiB, over the {MaxBytes / (1024 * 1024)} MiB limit", ProblemSeverity.Error);
                return;
            }

            using var lines = new BoundedLineReader(stream, MaxLineBytes);
            ReadLines(lines, metrics, found, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            found.Add(0, "cannot be read: " + ex.Message, ProblemSeverity.Error);
        }
        finally
        {
            found.Flush();
        }
    }

    private static void ReadLines(BoundedLineReader lines, Dictionary<string, List<MetricPoint>> metrics, ProblemList found, CancellationToken ct)
    {
        var cells = new List<string>();
        Columns? columns = null;
        while (lines.TryReadBytes(out var bytes, out var tooLong))
        {
            if (lines.LineNumber % LinesBetweenCancellationChecks == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            if (tooLong)
            {
                found.Add(lines.LineNumber, $"line longer than {MaxLineBytes / 1024} KiB skipped");
                continue;
            }

            // Almost every row is plain numbers: take them straight from the bytes. Anything else (the header,
            // quotes, nan, a bad cell) goes the careful way below, which also words the problems.
            if (columns is not null && (bytes.IsEmpty || columns.TryAddPlainRow(bytes, metrics)))
            {
                continue;
            }

            var line = Encoding.UTF8.GetString(bytes);
            if (columns is null)
            {
                CsvFields.Split(line.TrimStart('\uFEFF'), cells);
                columns = Columns.FromHeader(cells, lines.LineNumber, found);
                if (columns is null)
                {
                    return;
                }

                continue;
            }

            CsvFields.Split(line, cells);
            if (Columns.IsHeader(cells))
            {
                // Lightning rewrites the whole file when a new key appears; a reader that raced the rewrite sees a second header.
                found.Add(lines.LineNumber, "the header repeats here (the file was rewritten while it was read); reading on with its columns", ProblemSeverity.Information);
                columns = Columns.FromHeader(cells, lines.LineNumber, found);
                if (columns is null)
                {
                    return;
                }

                continue;
            }

            columns.AddRow(cells, lines.LineNumber, metrics, found);
        }
    }
}
