using IdeTracker.Core.Index;
using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Indexing;

/// <summary>What the writer of a <see cref="ReadWritePipeline"/> has written so far. Only the writer
/// thread adds; the caller reads after the writer has finished.</summary>
internal sealed class PipelineOutcome
{
    public int UnitsWritten { get; private set; }

    public int RunsWritten { get; private set; }

    public HashSet<string> ChangedRunIds { get; } = new(StringComparer.Ordinal);

    public void Add(IReadOnlyList<(RunUnit Unit, UnitReadResult Result)> batch, IndexWriteResult written)
    {
        UnitsWritten += batch.Count;
        RunsWritten += written.RunsWritten;
        ChangedRunIds.UnionWith(written.ChangedRunIds);
    }
}
