using System.Text.Json.Serialization;

namespace IdeTracker.Server.Protocol;

/// <summary>A client command a code lens runs, e.g. <c>ideTracker.compareRunIds</c> with a list of run ids.</summary>
public sealed record Command(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("command")] string CommandName,
    [property: JsonPropertyName("arguments")] IReadOnlyList<object>? Arguments);
