using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

public sealed record WorkDoneProgressCreateParams(
    [property: JsonPropertyName("token")] string Token);
