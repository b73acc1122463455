namespace IdeTracker.Core.Speech.Transcription;

/// <summary>How to transcribe: the ggml model file (already located and verified), the language ("en", or "auto" to
/// detect it), an initial prompt of words the speaker is likely to say, and threads (0: one per core, at most 8).</summary>
public sealed record TranscriptionOptions(string ModelPath, string Language = "en", string? InitialPrompt = null, int Threads = 0);
