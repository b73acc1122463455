using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>Only what this server offers today; custom methods are not capabilities.</summary>
public sealed record ServerCapabilities
{
    [JsonPropertyName("workspace")]
    public object Workspace { get; init; } = new { workspaceFolders = new { supported = true } };

    /// <summary>Config files: opened and closed, changed by ranges (kind 2, incremental), so a 50,000-line file's
    /// keystroke carries only the keystroke.</summary>
    [JsonPropertyName("textDocumentSync")]
    public object TextDocumentSync { get; init; } = new { openClose = true, change = 2 };

    [JsonPropertyName("hoverProvider")]
    public bool HoverProvider { get; init; } = true;

    [JsonPropertyName("codeLensProvider")]
    public object CodeLensProvider { get; init; } = new { resolveProvider = true };

    [JsonPropertyName("inlayHintProvider")]
    public object InlayHintProvider { get; init; } = new { resolveProvider = false };
}
