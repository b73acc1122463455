using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>Data a run read: path (relative to the workspace, or a URI), digest, size in bytes, file count.</summary>
public sealed record DataInputDto(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("digest")] string? Digest,
    [property: JsonPropertyName("size")] long? Size,
    [property: JsonPropertyName("files")] long? Files);
