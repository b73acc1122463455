namespace IdeTracker.Core.Speech.Transcription;

/// <summary>Turns an audio file into a <see cref="Transcript"/>, reporting progress in percent. Failures are
/// <see cref="TranscriptionException"/>s that say what went wrong and where; cancelling throws
/// <see cref="OperationCanceledException"/>.</summary>
public interface ITranscriber
{
    Task<Transcript> TranscribeAsync(string audioPath, TranscriptionOptions options, IProgress<int>? progress, CancellationToken cancellationToken);
}
