using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdeTracker.Server.Speech;

/// <summary>How the worker protocol is spelled: camelCase, nulls left out, one object per line.</summary>
internal static class WorkerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
