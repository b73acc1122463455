using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>What a read of one metric file took from its whole lines, and where they end: a later read of the same
/// file, grown, starts there. MLflow appends a line per logged value, so the file only grows while the run logs.</summary>
internal sealed class MetricFileState
{
    /// <summary>The first <see cref="WholePoints"/> points come from whole lines; any beyond them (the point of a
    /// partial last line, or what a cancelled read left) are dropped before the next read continues. Shared with the
    /// run the read returned.</summary>
    public required List<MetricPoint> Points { get; init; }

    public required int WholePoints { get; init; }

    /// <summary>Offset just after the last newline read.</summary>
    public required long WholeEnd { get; init; }

    /// <summary>Lines up to <see cref="WholeEnd"/>, so problems further on keep their line numbers.</summary>
    public required int WholeLines { get; init; }

    /// <summary>The problems of the whole lines, in line order.</summary>
    public required Problem[] WholeProblems { get; init; }

    /// <summary>The last bytes before <see cref="WholeEnd"/>: if the file no longer has them there it was rewritten,
    /// not appended to, and is read whole.</summary>
    public required ReadOnlyMemory<byte> Check { get; init; }
}
