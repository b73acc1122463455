using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdeTracker.Bench;

/// <summary>How results travel from child to parent and into CI logs: camelCase, one object per line.</summary>
internal static class BenchJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
