using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>What the extension passes at start: where to keep the index and the user's settings.</summary>
public sealed record InitializationOptions
{
    /// <summary>Folder for the index (VS Code's workspace storage folder). Absolute path.</summary>
    [JsonPropertyName("storagePath")]
    public string? StoragePath { get; init; }

    [JsonPropertyName("excludeGlobs")]
    public IReadOnlyList<string>? ExcludeGlobs { get; init; }

    [JsonPropertyName("primaryMetric")]
    public PrimaryMetricSetting? PrimaryMetric { get; init; }
}
