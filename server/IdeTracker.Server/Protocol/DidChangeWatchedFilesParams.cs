using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

public sealed record DidChangeWatchedFilesParams(
    [property: JsonPropertyName("changes")] IReadOnlyList<FileEvent> Changes);
