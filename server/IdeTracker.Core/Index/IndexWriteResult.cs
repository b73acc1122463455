namespace IdeTracker.Core.Index;

/// <summary>What a write changed: runs inserted, and the ids of every run inserted or deleted
/// (the runs of a re-read unit that disappeared are among them).</summary>
public sealed record IndexWriteResult(int RunsWritten, IReadOnlyCollection<string> ChangedRunIds);
