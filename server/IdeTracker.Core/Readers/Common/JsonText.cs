using System.Text;
using System.Text.Json;

namespace IdeTracker.Core.Readers.Common;

/// <summary>A parsed JSON file with its bytes, so that a problem with a value can point at the line it is on.</summary>
internal sealed class JsonText(ReadOnlyMemory<byte> bytes, JsonDocument document) : IDisposable
{
    public JsonElement Root => document.RootElement;

    /// <summary>1-based line of the first <c>"key":</c> in the file, 0 when there is none. Good enough to point
    /// at a field whose name occurs once (run.json's "status", "start_time").</summary>
    public int LineOfKey(string key)
    {
        var quoted = Encoding.UTF8.GetBytes("\"" + key + "\"");
        var at = bytes.Span.IndexOf(quoted);
        return at < 0 ? 0 : LineAt(bytes.Span, at);
    }

    /// <summary>1-based line of a byte offset.</summary>
    public static int LineAt(ReadOnlySpan<byte> bytes, long offset) =>
        bytes[..(int)Math.Clamp(offset, 0, bytes.Length)].Count((byte)'\n') + 1;

    public void Dispose() => document.Dispose();
}
