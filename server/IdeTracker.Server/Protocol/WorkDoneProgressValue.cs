using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>One value of work-done progress; <see cref="Kind"/> is begin, report or end.</summary>
public sealed record WorkDoneProgressValue
{
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("percentage")]
    public int? Percentage { get; init; }

    [JsonPropertyName("cancellable")]
    public bool? Cancellable { get; init; }
}
