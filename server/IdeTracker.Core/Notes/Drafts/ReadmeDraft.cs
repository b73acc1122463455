namespace IdeTracker.Core.Notes.Drafts;

/// <summary>A drafted README: its Markdown, the plot images written for it (absolute paths, inside the note's folder),
/// the runs it is about and how they were chosen.</summary>
public sealed record ReadmeDraft(string Markdown, IReadOnlyList<string> PlotFiles, IReadOnlyList<string> RunIds, RunLinkReason LinkReason);
