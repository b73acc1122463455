namespace IdeTracker.Core.Speech.Transcription;

/// <summary>What was said in a recording: its segments in order, the language Whisper used, and how long the audio was.
/// No segments (or only blank ones) means no speech was heard.</summary>
public sealed record Transcript(IReadOnlyList<TranscriptSegment> Segments, string Language, long AudioMs)
{
    /// <summary>The segments' text joined with single spaces, trimmed.</summary>
    public string Text => string.Join(' ', Segments.Select(s => s.Text.Trim()).Where(t => t.Length > 0));

    public bool IsSilent => Text.Length == 0;
}
