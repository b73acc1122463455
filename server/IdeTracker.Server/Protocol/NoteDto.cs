using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>One voice note as the Notes view shows it. Paths are absolute. <see cref="Status"/> is one of
/// recorded, transcribing, transcribed, drafted, failed; a failed note keeps its audio and says why in
/// <see cref="Error"/>, and can be transcribed again.</summary>
public sealed record NoteDto
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("createdAt")]
    public required string CreatedAt { get; init; }

    /// <summary>"3 minutes ago".</summary>
    [JsonPropertyName("createdLabel")]
    public required string CreatedLabel { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>The note's folder under <c>.ide-tracker/notes/</c>.</summary>
    [JsonPropertyName("folder")]
    public required string Folder { get; init; }

    [JsonPropertyName("audioPath")]
    public string? AudioPath { get; init; }

    /// <summary>"1 minute, 12 seconds" of audio; absent until the audio has been read.</summary>
    [JsonPropertyName("durationLabel")]
    public string? DurationLabel { get; init; }

    [JsonPropertyName("transcriptPath")]
    public string? TranscriptPath { get; init; }

    /// <summary>The transcript's first 300 characters; "" when no speech was heard.</summary>
    [JsonPropertyName("transcriptPreview")]
    public string? TranscriptPreview { get; init; }

    [JsonPropertyName("draftPath")]
    public string? DraftPath { get; init; }

    [JsonPropertyName("runIds")]
    public required IReadOnlyList<string> RunIds { get; init; }

    /// <summary>The linked runs' names, in the order of <see cref="RunIds"/>.</summary>
    [JsonPropertyName("runNames")]
    public required IReadOnlyList<string> RunNames { get; init; }

    /// <summary>Markdown for the Notes view's tooltip.</summary>
    [JsonPropertyName("tooltip")]
    public required string Tooltip { get; init; }
}
