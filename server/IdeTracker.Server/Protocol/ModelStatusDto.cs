using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary><c>ideTracker/speech/modelStatus</c> and <c>ideTracker/speech/downloadModel</c>: whether the
/// configured model is there and usable. When it is not, <see cref="Problem"/> says why in a sentence naming the
/// paths <see cref="Searched"/>, and <see cref="DownloadUrl"/>/<see cref="SizeLabel"/> say what a download would fetch.</summary>
public sealed record ModelStatusDto
{
    [JsonPropertyName("model")]
    public required string Model { get; init; }

    [JsonPropertyName("found")]
    public required bool Found { get; init; }

    [JsonPropertyName("path")]
    public string? Path { get; init; }

    [JsonPropertyName("problem")]
    public string? Problem { get; init; }

    [JsonPropertyName("searched")]
    public required IReadOnlyList<string> Searched { get; init; }

    [JsonPropertyName("downloadUrl")]
    public required string DownloadUrl { get; init; }

    /// <summary>Where a download goes: the user's model cache.</summary>
    [JsonPropertyName("downloadPath")]
    public required string DownloadPath { get; init; }

    /// <summary>"75 MB"; absent when the catalog does not know the size.</summary>
    [JsonPropertyName("sizeLabel")]
    public string? SizeLabel { get; init; }

    /// <summary>True when the whisper.cpp library could be loaded and is the pinned version.</summary>
    [JsonPropertyName("engineReady")]
    public required bool EngineReady { get; init; }

    [JsonPropertyName("engineProblem")]
    public string? EngineProblem { get; init; }
}
