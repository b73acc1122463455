using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>A voice note that talks about a run, as the run's details list it.</summary>
public sealed record RunNoteDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("createdLabel")] string CreatedLabel,
    [property: JsonPropertyName("draftPath")] string? DraftPath);
