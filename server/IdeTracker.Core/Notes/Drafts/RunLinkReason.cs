namespace IdeTracker.Core.Notes.Drafts;

/// <summary>How a note's runs were chosen: the user selected them, the note named them, or, failing both, the
/// workspace's most recent run. None: the workspace has no runs.</summary>
public enum RunLinkReason
{
    Selected,
    Spoken,
    MostRecent,
    None,
}
