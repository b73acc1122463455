using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.MetricLogs;

/// <summary>Reads one metric log file as one run: a Keras CSVLogger file (header "epoch" + sorted keys, a row per
/// epoch), or a generic CSV, TSV or JSON-lines log with a step-like column (<see cref="MetricLogParser"/> says
/// how lines become points). The run is named after the file and its experiment after the folder holding it;
/// a log records no status, so it is Unknown. Its times come from a time column (time, timestamp, wall_time,
/// _timestamp: seconds or milliseconds since 1970, or ISO 8601) when there is one, else the end is the file's
/// write time.
/// <para>Logs grow by whole lines while a run writes them, so a read carries on from the previous one's last
/// whole line; a last line without its newline waits for the next read. A file that shrank or whose bytes
/// before that point changed is read again from the start.</para></summary>
public sealed class MetricLogReader : IResumableRunReader
{
    public const string Source = "csv";

    /// <summary>Points one log may hold (24 bytes each in memory); past it the rest of the file is passed over.</summary>
    public const long DefaultMaxPoints = 8_000_000;

    public const int MaxLineBytes = 256 * 1024;

    private const int LinesBetweenCancellationChecks = 4096;

    private readonly long _maxPoints;

    public MetricLogReader()
        : this(DefaultMaxPoints)
    {
    }

    /// <param name="maxPoints">The point limit; tests lower it to reach it quickly.</param>
    internal MetricLogReader(long maxPoints) => _maxPoints = maxPoints;

    public string Format => UnitFormats.MetricLogFile;

    public IReadOnlyList<FileStamp> Stamp(RunUnit unit)
    {
        var file = new FileInfo(unit.Path);
        return file.Exists ? [StampOf(file)] : [];
    }

    public UnitReadResult Read(RunUnit unit, CancellationToken cancellationToken) => Read(unit, null, cancellationToken);

    public UnitReadResult Read(RunUnit unit, ReadResume? resume, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = new UnitReadResult();
        var file = new FileInfo(unit.Path);
        if (!file.Exists)
        {
            // A log that is gone has no run left to report.
            return result;
        }

        var stamp = StampOf(file);
        result.Files.Add(stamp);
        MetricLogState state;
        FileHead head;
        try
        {
            using var stream = new FileStream(unit.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            state = resume is MetricLogResume previous && previous.UnitPath == unit.Path && previous.Head.Matches(stream)
                ? previous.State.Clone()
                : new MetricLogState { Layout = LayoutOf(unit.Path) };
            ReadLines(unit.Path, stream, state, cancellationToken);
            head = FileHead.Of(stream, state.Offset);
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            result.Problems.Add(FileProblems.From(unit.Path, e));
            return result;
        }

        result.Runs.Add(NewRun(unit, state, stamp, result.Problems));
        result.Resume = new MetricLogResume { UnitPath = unit.Path, State = state, Head = head };
        return result;
    }

    private void ReadLines(string path, FileStream stream, MetricLogState state, CancellationToken ct)
    {
        var start = state.Offset;
        stream.Position = start;
        var parser = new MetricLogParser(path, state, _maxPoints);
        using var lines = new BoundedLineReader(stream, MaxLineBytes);
        while (lines.TryReadBytes(out var bytes, out var tooLong))
        {
            var line = state.Lines + 1;
            if (line % LinesBetweenCancellationChecks == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            if (tooLong)
            {
                parser.TooLong(line, MaxLineBytes);
            }
            else
            {
                parser.Line(bytes, line);
            }

            state.Lines = line;
            state.Offset = start + lines.Consumed;
        }

        parser.Finish();
    }

    private static Run NewRun(RunUnit unit, MetricLogState state, FileStamp stamp, List<Problem> problems)
    {
        var name = Path.GetFileName(unit.Path);
        var run = new Run
        {
            Id = RunIds.Make(Source, PathText.RelativeOrSelf(unit.WorkspaceRoot, unit.StorePath), name),
            Source = Source,
            NativeId = name,
            StorePath = unit.StorePath,
            Experiment = Path.GetFileName(Path.TrimEndingDirectorySeparator(unit.StorePath)),
            Name = name,
            Status = RunStatus.Unknown,
            StartTime = state.FirstTimeMs is { } first ? DateTimeOffset.FromUnixTimeMilliseconds(first) : null,
            EndTime = state.LastTimeMs is { } last
                ? DateTimeOffset.FromUnixTimeMilliseconds(last)
                : new DateTimeOffset(stamp.MtimeTicks, TimeSpan.Zero),
            Directory = Path.GetDirectoryName(unit.Path) ?? unit.StorePath,
            MetricsFile = unit.Path,
        };

        // The state is never changed once handed out (a resumed read works on a copy), so the run can share its lists.
        foreach (var (key, points) in state.Metrics)
        {
            run.Metrics[key] = points;
        }

        problems.AddRange(state.Problems);
        var found = new ProblemList(unit.Path, problems, state.ProblemCount);
        Summarise(state, run, found);
        found.Flush();
        return run;
    }

    /// <summary>What is only known once every line is in: which text columns are tags, which were not read.</summary>
    private static void Summarise(MetricLogState state, Run run, ProblemList found)
    {
        foreach (var (name, text) in state.Texts)
        {
            var numbers = state.Metrics.TryGetValue(name, out var series) ? series.Count : 0;
            if (numbers > 0)
            {
                found.Add(text.FirstLine, $"{Shorten(name)}: {text.Texts} cells are not numbers (the first, here: '{Shorten(text.First!)}'); left out");
            }
            else if (text.Varies)
            {
                found.Add(text.FirstLine, $"{Shorten(name)} holds text that changes from row to row, not numbers; not read", ProblemSeverity.Information);
            }
            else
            {
                run.Tags[name] = text.First!;
            }
        }

        if (state.RowsWithoutStep > 0)
        {
            found.Add(state.FirstRowWithoutStep, $"{state.RowsWithoutStep} rows from here on are under a header without a step column; not read", ProblemSeverity.Error);
        }
    }

    private static LogLayout LayoutOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" => LogLayout.JsonLines,
        ".csv" or ".tsv" => LogLayout.Delimited,
        _ => LogLayout.Unknown,
    };

    private static FileStamp StampOf(FileInfo file) => new(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
