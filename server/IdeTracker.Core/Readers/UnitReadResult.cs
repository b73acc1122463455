using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers;

/// <summary>What reading one unit gave: its runs (possibly none), located problems, and the stamps of the
/// files it depended on (the same set <see cref="IRunReader.Stamp"/> returns).</summary>
public sealed class UnitReadResult
{
    public List<Run> Runs { get; } = [];

    public List<Problem> Problems { get; } = [];

    public List<FileStamp> Files { get; } = [];

    /// <summary>Set by an <see cref="IResumableRunReader"/>: where its next read of this unit can continue.</summary>
    public ReadResume? Resume { get; set; }
}
