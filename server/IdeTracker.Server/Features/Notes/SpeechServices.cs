using IdeTracker.Core.Speech.Transcription;

namespace IdeTracker.Server.Features.Notes;

/// <summary>What voice notes need from outside the workspace: the transcriber (the worker process), the folder models
/// are kept and downloaded in, and the HTTP client downloads use. Tests pass their own folder and loopback server.</summary>
public sealed record SpeechServices(ITranscriber Transcriber, string ModelCacheFolder, HttpClient Http);
