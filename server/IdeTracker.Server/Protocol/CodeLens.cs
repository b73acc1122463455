using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>Sent without <see cref="Command"/> and resolved when VS Code shows it.</summary>
public sealed record CodeLens(
    [property: JsonPropertyName("range")] Range Range,
    [property: JsonPropertyName("command")] Command? Command,
    [property: JsonPropertyName("data")] CodeLensData? Data);
