using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.MetricLogs;

/// <summary>Parses one line of a JSON-lines log: a JSON object (NaN and the infinities as Python writes them)
/// whose nested objects are flattened with "/". Lists, strings and booleans are kept as text.</summary>
internal static class JsonLineRecord
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    /// <summary>Fills <paramref name="fields"/>; null when the line is a JSON object, else why it is not.</summary>
    public static string? TryParse(ReadOnlySpan<byte> line, List<JsonField> fields)
    {
        fields.Clear();

        // Undecodable bytes become U+FFFD first (reading a string with them would throw), and named numbers are
        // quoted; most lines need neither and are parsed where they lie.
        ReadOnlyMemory<byte>? copy = null;
        if (!Utf8.IsValid(line))
        {
            copy = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(line));
        }

        if (PythonJson.NeedsPreparing(copy is { } valid ? valid.Span : line))
        {
            copy = PythonJson.Prepare(copy ?? line.ToArray());
        }

        var bytes = copy is { } prepared ? prepared.Span : line;
        var reader = new Utf8JsonReader(bytes, Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "not a JSON object";
            }

            var prefixes = new Stack<string>();
            prefixes.Push("");
            while (prefixes.Count > 0 && reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    prefixes.Pop();
                    continue;
                }

                var key = prefixes.Peek() + reader.GetString();
                reader.Read();
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        prefixes.Push(key + "/");
                        break;
                    case JsonTokenType.StartArray:
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        fields.Add(new JsonField(key, JsonFieldKind.Text, 0, Encoding.UTF8.GetString(bytes[start..(int)reader.BytesConsumed])));
                        break;
                    case JsonTokenType.Null:
                        fields.Add(new JsonField(key, JsonFieldKind.Null, 0, null));
                        break;
                    case JsonTokenType.True or JsonTokenType.False:
                        fields.Add(new JsonField(key, JsonFieldKind.Text, 0, reader.TokenType == JsonTokenType.True ? "true" : "false"));
                        break;
                    default:
                        fields.Add(PythonJson.TryGetNumber(ref reader, out var number)
                            ? new JsonField(key, JsonFieldKind.Number, number, null)
                            : new JsonField(key, JsonFieldKind.Text, 0, reader.GetString()));
                        break;
                }
            }

            if (prefixes.Count > 0)
            {
                fields.Clear();
                return "the JSON object is not complete";
            }

            // Reading past the object throws for anything but spaces after it (a second value, garbage).
            _ = reader.Read();
            return null;
        }
        catch (JsonException e)
        {
            fields.Clear();
            return e.Message.Contains("end of data", StringComparison.Ordinal) || e.Message.Contains("open JSON", StringComparison.Ordinal)
                ? "the JSON object is not complete"
                : "not valid JSON: " + PythonJson.ReasonOf(e);
        }
    }
}
