using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>Severity: 1 error, 2 warning, 3 information, 4 hint. Ours are never above information.</summary>
public sealed record Diagnostic(
    [property: JsonPropertyName("range")] Range Range,
    [property: JsonPropertyName("severity")] int Severity,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("message")] string Message);
