using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary><c>ideTracker/speech/modelStatus</c> and <c>ideTracker/speech/downloadModel</c> (which the extension
/// sends only after the user said yes; cancelling it keeps the partial file for a later resume).</summary>
public sealed record SpeechRequestParams
{
    [JsonPropertyName("speech")]
    public SpeechSettings? Speech { get; init; }

    [JsonPropertyName("workDoneToken")]
    public string? WorkDoneToken { get; init; }
}
