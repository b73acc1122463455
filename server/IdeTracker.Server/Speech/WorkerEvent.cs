using IdeTracker.Core.Speech.Transcription;

namespace IdeTracker.Server.Speech;

/// <summary>One JSON line the worker writes on its protocol stream: <c>progress</c> (percent), then either
/// <c>result</c> (language, audio length, segments) or <c>error</c> (a <see cref="TranscriptionFailure"/> name and a
/// message for a person).</summary>
public sealed record WorkerEvent(
    string Event,
    int? Percent = null,
    string? Failure = null,
    string? Message = null,
    string? Language = null,
    long? AudioMs = null,
    IReadOnlyList<TranscriptSegment>? Segments = null)
{
    public const string Progress = "progress";
    public const string Result = "result";
    public const string Error = "error";
}
