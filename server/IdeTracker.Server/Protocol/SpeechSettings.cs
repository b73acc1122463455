using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>The user's <c>ideTracker.voiceNotes.*</c> settings, sent with every speech request so the server never
/// holds a stale copy. <see cref="Model"/> names a catalog model (tiny.en, base.en, tiny, base).</summary>
public sealed record SpeechSettings
{
    [JsonPropertyName("model")]
    public string Model { get; init; } = "tiny.en";

    /// <summary>A model file, or a folder holding ggml-&lt;model&gt;.bin; empty or absent: the user's cache.</summary>
    [JsonPropertyName("modelPath")]
    public string? ModelPath { get; init; }

    /// <summary>"en", "de", …, or "auto" to let Whisper detect it.</summary>
    [JsonPropertyName("language")]
    public string Language { get; init; } = "en";

    /// <summary>Base URL the model file name is appended to; absent: the whisper.cpp models on Hugging Face.</summary>
    [JsonPropertyName("downloadUrl")]
    public string? DownloadUrl { get; init; }

    /// <summary>Threads for transcription; 0 or absent: one per core, at most 8.</summary>
    [JsonPropertyName("threads")]
    public int? Threads { get; init; }
}
