using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

public sealed record Range(
    [property: JsonPropertyName("start")] Position Start,
    [property: JsonPropertyName("end")] Position End);
