namespace IdeTracker.Core.Speech.Transcription;

/// <summary>One stretch of speech Whisper found: from <see cref="StartMs"/> to <see cref="EndMs"/> of the audio, and what was said.</summary>
public sealed record TranscriptSegment(long StartMs, long EndMs, string Text);
