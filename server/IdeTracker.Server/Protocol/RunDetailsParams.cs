using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

public sealed record RunDetailsParams(
    [property: JsonPropertyName("runId")] string RunId);
