using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>How far one DVCLive .tsv has been read: the bytes taken (up to the end of the last complete line),
/// the columns its header named, the points and problems so far. A later read of the same growing file
/// continues from here; <see cref="Head"/> and <see cref="Tail"/> let it check the bytes it already read are
/// still the same.</summary>
internal sealed class TsvState
{
    public long Offset { get; set; }

    public int LineNumber { get; set; }

    public bool HeaderRead { get; set; }

    public int ColumnCount { get; set; }

    public int StepColumn { get; set; } = -1;

    public int TimestampColumn { get; set; } = -1;

    public int ValueColumn { get; set; } = -1;

    /// <summary>The first bytes of the file as written (its header line, at most 256 bytes).</summary>
    public byte[] Head { get; set; } = [];

    /// <summary>The last bytes before <see cref="Offset"/> (at most 64).</summary>
    public byte[] Tail { get; set; } = [];

    public List<MetricPoint> Points { get; } = [];

    /// <summary>Problems found so far, already capped; <see cref="ProblemCount"/> counts them all.</summary>
    public List<Problem> Problems { get; } = [];

    public int ProblemCount { get; set; }

    public TsvState Copy()
    {
        var copy = new TsvState
        {
            Offset = Offset,
            LineNumber = LineNumber,
            HeaderRead = HeaderRead,
            ColumnCount = ColumnCount,
            StepColumn = StepColumn,
            TimestampColumn = TimestampColumn,
            ValueColumn = ValueColumn,
            Head = Head,
            Tail = Tail,
            ProblemCount = ProblemCount,
        };
        copy.Points.AddRange(Points);
        copy.Problems.AddRange(Problems);
        return copy;
    }
}
