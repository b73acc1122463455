using System.Text.Json;

namespace IdeTracker.Bench.Live;

/// <summary>A message the server sent, with when it arrived whole (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
internal sealed record ServerFrame(JsonElement Message, long ArrivedAt)
{
    public string? Method => Message.TryGetProperty("method", out var method) ? method.GetString() : null;

    public JsonElement Params => Message.GetProperty("params");
}
