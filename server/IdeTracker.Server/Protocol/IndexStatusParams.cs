using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary><c>ideTracker/indexStatus</c>. State: indexing or ready. <see cref="Summary"/> is the status bar text.</summary>
public sealed record IndexStatusParams(
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("runs")] int Runs,
    [property: JsonPropertyName("live")] int Live,
    [property: JsonPropertyName("problems")] int Problems,
    [property: JsonPropertyName("summary")] string Summary);
