using IdeTracker.Core.Speech.Models;

namespace IdeTracker.Server.Tests.Cli;

/// <summary>A fact that needs a real ggml-tiny.en.bin (none can be downloaded on the build machines): taken from
/// <c>IDE_TRACKER_REAL_MODEL</c> or the user's model cache, else the test is skipped saying where to put one.</summary>
public sealed class FactWhenRealModelAttribute : FactAttribute
{
    public const string Variable = "IDE_TRACKER_REAL_MODEL";

    public FactWhenRealModelAttribute()
    {
        if (Path is null)
        {
            Skip = $"needs a real Whisper model: set {Variable} to a ggml-tiny.en.bin, or put one at {ModelLocator.ForCurrentUser(null).CachePath(WhisperModels.TinyEn)}";
        }
    }

    public static string? Path =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured && File.Exists(configured)
            ? configured
            : ModelLocator.ForCurrentUser(null).Locate(WhisperModels.TinyEn).Path;
}
