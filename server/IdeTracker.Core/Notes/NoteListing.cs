namespace IdeTracker.Core.Notes;

/// <summary>The workspace's notes, newest first, and the note folders that could not be read (located messages;
/// those folders are left as they are).</summary>
public sealed record NoteListing(IReadOnlyList<VoiceNote> Notes, IReadOnlyList<string> Problems);
