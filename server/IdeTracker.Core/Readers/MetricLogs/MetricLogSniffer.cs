using System.Text;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.MetricLogs;

/// <summary>Tells a metric log (Keras CSVLogger output, a CSV/TSV or JSON-lines log with a step) from the other
/// .csv, .tsv, .jsonl, .ndjson and .log files a workspace holds (datasets, predictions, console output), from
/// the first <see cref="SampleBytes"/> bytes.</summary>
public static class MetricLogSniffer
{
    public const int SampleBytes = 8 * 1024;

    // Rows after the header that are looked at; the rest of the sample is not needed.
    private const int SampleRows = 20;

    /// <summary>True for a delimited file whose header has a step-like column (<c>step</c>, <c>epoch</c>,
    /// <c>iteration</c>, …) and at least one data row, whose step cells are whole numbers and which has another
    /// column (not a time) whose sampled cells are all numbers; or a JSON-lines file whose first line is an
    /// object with a step-like key holding a whole number and at least one other numeric value. Never throws:
    /// a file that cannot be read is not a metric log.</summary>
    public static bool IsMetricLog(string path)
    {
        try
        {
            var sample = ReadSample(path, out var complete);
            var lines = SampleLines(sample, complete);
            if (lines.Count == 0)
            {
                return false;
            }

            return lines[0].TrimStart().StartsWith('{')
                ? IsJsonLinesLog(lines[0])
                : IsDelimitedLog(lines, path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A yes/no question about any file discovery meets: whatever stops the answer (a vanished or locked
            // file, a folder, a path the system refuses) means it is not a log to read.
            return false;
        }
    }

    private static bool IsJsonLinesLog(string line)
    {
        var fields = new List<JsonField>();
        if (JsonLineRecord.TryParse(Encoding.UTF8.GetBytes(line), fields) is not null)
        {
            return false;
        }

        var numeric = fields.Where(f => f.Kind == JsonFieldKind.Number).ToList();
        var step = LogColumns.BestStep(numeric.Select(f => f.Key).ToList());
        return step >= 0
            && double.IsInteger(numeric[step].Number)
            && numeric.Where((f, i) => i != step && !LogColumns.IsTimeName(f.Key)).Any();
    }

    private static bool IsDelimitedLog(List<string> lines, string path)
    {
        var delimiter = Delimiters.Guess(lines[0], path);
        var header = new List<string>();
        CsvFields.Split(lines[0], delimiter, header);
        var names = header.Select(h => h.Trim()).ToList();
        var step = LogColumns.BestStep(names);
        if (step < 0 || names.Count < 2)
        {
            return false;
        }

        var rows = new List<List<string>>();
        var mismatched = 0;
        foreach (var line in lines.Skip(1).Take(SampleRows))
        {
            var cells = new List<string>();
            CsvFields.Split(line, delimiter, cells);
            if (cells.Count == names.Count)
            {
                rows.Add(cells);
            }
            else
            {
                mismatched++;
            }
        }

        // A log's rows line up with its header; a console log or a file of prose does not.
        if (rows.Count == 0 || mismatched > rows.Count)
        {
            return false;
        }

        var steps = rows.Select(r => r[step]).Where(c => c.Trim().Length > 0).ToList();
        if (steps.Count == 0 || !steps.All(c => CsvFields.TryParseStep(c, out _)))
        {
            return false;
        }

        for (var column = 0; column < names.Count; column++)
        {
            if (column == step || LogColumns.IsTimeName(names[column]) || names[column].Length == 0)
            {
                continue;
            }

            var cells = rows.Select(r => r[column]).Where(c => c.Trim().Length > 0).ToList();
            if (cells.Count > 0 && cells.All(c => CsvFields.TryParseValue(c, out _)))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] ReadSample(string path, out bool complete)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        var buffer = new byte[SampleBytes];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        complete = length < buffer.Length;
        return buffer[..length];
    }

    /// <summary>The sample's non-blank lines; the last one only when the sample holds the whole file (else it may be cut).</summary>
    private static List<string> SampleLines(byte[] sample, bool complete)
    {
        var text = Encoding.UTF8.GetString(sample).TrimStart('\uFEFF');
        var lines = text.Split('\n').ToList();
        if (!complete)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines.Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
    }
}
