namespace IdeTracker.Core.Speech.Transcription;

/// <summary>A transcription that could not be done; <see cref="Exception.Message"/> is a sentence for a person,
/// naming the file (and where in it) or the worker's exit.</summary>
public sealed class TranscriptionException(TranscriptionFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public TranscriptionFailure Failure { get; } = failure;
}
