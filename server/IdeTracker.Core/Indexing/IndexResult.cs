namespace IdeTracker.Core.Indexing;

/// <summary>What one indexing pass did. <see cref="ChangedRunIds"/> holds the ids of runs written or
/// removed, sorted; the server announces them in a runsChanged notification.</summary>
public sealed record IndexResult(
    int UnitsSeen,
    int UnitsRead,
    int UnitsRemoved,
    int RunsWritten,
    IReadOnlyList<string> ChangedRunIds,
    TimeSpan Elapsed)
{
    /// <summary>For a targeted update, the paths of the units it read again (those whose stamps had changed).</summary>
    public IReadOnlyList<string> UnitPathsRead { get; init; } = [];
}
