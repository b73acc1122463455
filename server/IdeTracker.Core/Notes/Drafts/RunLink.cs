namespace IdeTracker.Core.Notes.Drafts;

/// <summary>The runs a note is about, the first being the one it is mostly about, and how they were chosen.</summary>
public sealed record RunLink(IReadOnlyList<string> RunIds, RunLinkReason Reason);
