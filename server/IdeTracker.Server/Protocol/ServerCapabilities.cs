using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>Only what this server offers today; custom methods are not capabilities.</summary>
public sealed record ServerCapabilities
{
    [JsonPropertyName("workspace")]
    public object Workspace { get; init; } = new { workspaceFolders = new { supported = true } };
}
