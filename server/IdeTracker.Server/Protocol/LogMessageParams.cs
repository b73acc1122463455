using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary><c>window/logMessage</c>. Type: 1 error, 2 warning, 3 info, 4 log.</summary>
public sealed record LogMessageParams(
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("message")] string Message);
