namespace IdeTracker.Core.Speech.Models;

/// <summary>The Whisper models a user can pick. Checksums are whisper.cpp's published ones; sizes are left
/// unknown because we only know them roughly, and a wrong exact size would reject a good file.</summary>
public static class WhisperModels
{
    /// <summary>Where whisper.cpp's ggml conversions are published; a setting can point at a mirror instead.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://huggingface.co/ggerganov/whisper.cpp/resolve/main/");

    public static readonly WhisperModel TinyEn = new("tiny.en", "ggml-tiny.en.bin", null, "c78c86eb1a8faa21b369bcd33207cc90d64ae9df");

    public static readonly WhisperModel BaseEn = new("base.en", "ggml-base.en.bin", null, "137c40403d78fd54d454da0f9bd998f78703390c");

    public static readonly WhisperModel Tiny = new("tiny", "ggml-tiny.bin", null, "bd577a113a864445d4c299885e0cb97d4ba92b5f");

    public static readonly WhisperModel Base = new("base", "ggml-base.bin", null, "465707469ff3a37a2b9b8d8f89f2f99de7299dac");

    /// <summary>Small and English-only: transcribes a short note in a few seconds on two cores.</summary>
    public static WhisperModel Default => TinyEn;

    public static IReadOnlyList<WhisperModel> All { get; } = [TinyEn, BaseEn, Tiny, Base];

    /// <summary>The model a setting names ("tiny.en", case-insensitive), or null for a name we do not know.</summary>
    public static WhisperModel? Find(string name) =>
        All.FirstOrDefault(model => string.Equals(model.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
