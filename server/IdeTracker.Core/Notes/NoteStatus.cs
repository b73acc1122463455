namespace IdeTracker.Core.Notes;

/// <summary>Where a note is: its audio is kept (recorded), Whisper is on it (transcribing), it has a transcript
/// (transcribed), a README draft (drafted), or its transcription failed (failed: the audio is kept, retry it).</summary>
public enum NoteStatus
{
    Recorded,
    Transcribing,
    Transcribed,
    Drafted,
    Failed,
}
