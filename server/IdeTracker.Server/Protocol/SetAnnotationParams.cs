using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary><c>ideTracker/setAnnotation</c>: changes what the user wrote about one run. An absent field is
/// left as it is; <see cref="Tags"/> replaces the run's tags; an empty <see cref="Note"/> removes the note.
/// The result is the annotation as stored.</summary>
public sealed record SetAnnotationParams
{
    [JsonPropertyName("runId")]
    public required string RunId { get; init; }

    [JsonPropertyName("starred")]
    public bool? Starred { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    [JsonPropertyName("note")]
    public string? Note { get; init; }
}
