using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary><c>ideTracker/runsChanged</c>: runs written or removed since the last notification.
/// <see cref="All"/> is true after a full scan, when the client should refresh everything.</summary>
public sealed record RunsChangedParams(
    [property: JsonPropertyName("runIds")] IReadOnlyList<string> RunIds,
    [property: JsonPropertyName("all")] bool All);
