namespace IdeTracker.Bench.Engine;

/// <summary>The figures the benchmark needs from one <c>WorkspaceIndexer.IndexWorkspace</c> call
/// (a copy of the engine's <c>IndexResult</c>, minus the changed run ids).</summary>
internal sealed record IndexOutcome(int UnitsSeen, int UnitsRead, int UnitsRemoved, int RunsWritten, TimeSpan Elapsed);
