using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.MetricLogs;

/// <summary>Everything a read of a metric log knows once it has taken the file's whole lines up to
/// <see cref="Offset"/>: enough to carry on from there as if it had never stopped. Once handed out with a result
/// it is never changed again; a resumed read works on a <see cref="Clone"/>.</summary>
internal sealed class MetricLogState
{
    public LogLayout Layout { get; set; }

    public char Delimiter { get; set; } = ',';

    /// <summary>The header in force (delimited logs): column names as written, trimmed.</summary>
    public string[]? Header { get; set; }

    /// <summary>Index of the step column in <see cref="Header"/>, -1 when the header has none.</summary>
    public int StepColumn { get; set; } = -1;

    public Dictionary<string, List<MetricPoint>> Metrics { get; private init; } = new(StringComparer.Ordinal);

    public Dictionary<string, ColumnText> Texts { get; private init; } = new(StringComparer.Ordinal);

    /// <summary>For each column with a time-like name, whether its first value was a wall time (then it gives the
    /// rows' times) or not (then it is an ordinary metric, like a "time" that counts seconds per epoch).</summary>
    public Dictionary<string, bool> TimeColumns { get; private init; } = new(StringComparer.Ordinal);

    public long? FirstTimeMs { get; set; }

    public long? LastTimeMs { get; set; }

    /// <summary>The first problems found (at most ProblemList's limit) and how many there were in all.</summary>
    public List<Problem> Problems { get; private init; } = [];

    public int ProblemCount { get; set; }

    public long Points { get; set; }

    /// <summary>Set when the point limit was reached: the rest of the file is passed over.</summary>
    public bool Full { get; set; }

    public int RowsWithoutStep { get; set; }

    public int FirstRowWithoutStep { get; set; }

    public bool WarnedUtf8 { get; set; }

    /// <summary>Lines taken so far (blank and skipped ones included).</summary>
    public int Lines { get; set; }

    /// <summary>Bytes taken so far: where the next whole line starts.</summary>
    public long Offset { get; set; }

    public void NoteTime(long ms)
    {
        FirstTimeMs = FirstTimeMs is { } first ? Math.Min(first, ms) : ms;
        LastTimeMs = LastTimeMs is { } last ? Math.Max(last, ms) : ms;
    }

    public MetricLogState Clone()
    {
        return new MetricLogState
        {
            Layout = Layout,
            Delimiter = Delimiter,
            Header = Header,
            StepColumn = StepColumn,
            Metrics = Metrics.ToDictionary(m => m.Key, m => new List<MetricPoint>(m.Value), StringComparer.Ordinal),
            Texts = Texts.ToDictionary(t => t.Key, t => t.Value.Clone(), StringComparer.Ordinal),
            TimeColumns = new Dictionary<string, bool>(TimeColumns, StringComparer.Ordinal),
            FirstTimeMs = FirstTimeMs,
            LastTimeMs = LastTimeMs,
            Problems = [.. Problems],
            ProblemCount = ProblemCount,
            Points = Points,
            Full = Full,
            RowsWithoutStep = RowsWithoutStep,
            FirstRowWithoutStep = FirstRowWithoutStep,
            WarnedUtf8 = WarnedUtf8,
            Lines = Lines,
            Offset = Offset,
        };
    }
}
