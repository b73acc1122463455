using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>What the user wrote about a run: a star, free tags, a note. <see cref="File"/> is the absolute
/// path of the <c>.ide-tracker/</c> file that holds it (the file is the record; the index mirrors it).</summary>
public sealed record AnnotationDto
{
    [JsonPropertyName("runId")]
    public required string RunId { get; init; }

    [JsonPropertyName("starred")]
    public bool Starred { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get; init; } = [];

    [JsonPropertyName("note")]
    public string? Note { get; init; }

    [JsonPropertyName("file")]
    public string? File { get; init; }
}
