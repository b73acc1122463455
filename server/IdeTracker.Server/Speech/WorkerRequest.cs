namespace IdeTracker.Server.Speech;

/// <summary>The one JSON object the transcription worker reads from stdin: what to transcribe and how.</summary>
public sealed record WorkerRequest(string AudioPath, string ModelPath, string Language = "en", string? Prompt = null, int Threads = 0);
