namespace IdeTracker.Core.Notes.Drafts;

/// <summary>What a README draft is made from: the transcript's text, the runs the user selected (may be empty),
/// the note's folder (plots are written there and linked relatively), and the time to say "3 days ago" against.</summary>
public sealed record DraftRequest(string Transcript, IReadOnlyList<string> SelectedRunIds, string NoteFolder, DateTimeOffset Now);
