using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary><c>$/progress</c> carrying a work-done begin, report or end value.</summary>
public sealed record ProgressParams(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("value")] WorkDoneProgressValue Value);
