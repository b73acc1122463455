using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary><c>ideTracker/notes/transcribe</c> and <c>ideTracker/notes/draft</c>: which note, the speech settings
/// (transcribe), the runs to draft about (draft; absent: the note's runs, else linked from what was said, else the
/// most recent run), and the client's progress token. Both return the note as stored; a transcription that failed
/// returns the note with status failed, never an error, so the audio stays retryable.</summary>
public sealed record NoteRequestParams
{
    [JsonPropertyName("noteId")]
    public required string NoteId { get; init; }

    [JsonPropertyName("speech")]
    public SpeechSettings? Speech { get; init; }

    [JsonPropertyName("runIds")]
    public IReadOnlyList<string>? RunIds { get; init; }

    [JsonPropertyName("workDoneToken")]
    public string? WorkDoneToken { get; init; }
}
