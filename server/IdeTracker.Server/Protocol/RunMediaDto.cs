using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>A non-scalar series of a run, listed: tag, kind (image, histogram, audio, text, tensor…), point count.</summary>
public sealed record RunMediaDto(
    [property: JsonPropertyName("tag")] string Tag,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("lastStep")] long LastStep);
