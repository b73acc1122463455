using IdeTracker.Core.Index;

namespace IdeTracker.Core.Notes.Drafts;

/// <summary>The run that started just before a linked one: of the same experiment when there is one
/// (<see cref="SameExperiment"/>), else of the whole workspace.</summary>
internal sealed record PreviousRun(RunDetailsRow Run, bool SameExperiment);
