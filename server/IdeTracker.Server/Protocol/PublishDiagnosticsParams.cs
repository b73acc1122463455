using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

public sealed record PublishDiagnosticsParams(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("version")] int? Version,
    [property: JsonPropertyName("diagnostics")] IReadOnlyList<Diagnostic> Diagnostics);
