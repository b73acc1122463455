using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Annotations;

/// <summary>The annotation file: pretty-printed JSON, two-space indent, "\n" line ends and a trailing newline, keys
/// in a fixed order (version, runId, starred, tags, note, snapshot, then any unknown ones as they came), one tag and
/// one param or metric per line, so git diffs and merges work line by line. Non-finite metric values are the strings
/// "NaN", "Infinity", "-Infinity".</summary>
public static class AnnotationFileFormat
{
    private static readonly string[] TopKeys = ["version", "runId", "starred", "tags", "note", "snapshot"];

    private static readonly string[] SnapshotKeys =
        ["name", "source", "store", "experiment", "parentId", "status", "startTime", "endTime", "gitCommit", "path", "params", "metrics", "recordedAt"];

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonDocumentOptions ReadOptions = new() { AllowTrailingCommas = true, AllowDuplicateProperties = false };

    public static string Serialize(RunAnnotation annotation)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("version", annotation.Version);
            json.WriteString("runId", annotation.RunId);
            json.WriteBoolean("starred", annotation.Starred);
            json.WriteStartArray("tags");
            foreach (var tag in annotation.Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
            WriteNullable(json, "note", annotation.Note);
            if (annotation.Snapshot is { } snapshot)
            {
                json.WritePropertyName("snapshot");
                WriteSnapshot(json, snapshot);
            }
            else
            {
                json.WriteNull("snapshot");
            }

            WriteExtra(json, annotation.Extra);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The snapshot alone, without unknown fields: how the index keeps it.</summary>
    public static string SerializeSnapshot(RunSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            WriteSnapshot(json, snapshot with { Extra = null });
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a snapshot the index kept; null if it is not one.</summary>
    public static RunSnapshot? ParseSnapshot(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject node ? ReadSnapshot(node, "", "") : null;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Reads the file at <paramref name="path"/>; a file that cannot be read is a problem too.</summary>
    public static AnnotationReadResult Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, 0, $"cannot be read: {e.Message}");
        }

        return Parse(path, text);
    }

    /// <summary>The annotation <paramref name="text"/> holds, the run id taken from the file's name; or a problem
    /// located at the line where the JSON breaks or the offending field is.</summary>
    public static AnnotationReadResult Parse(string path, string text)
    {
        var fileId = Path.GetFileNameWithoutExtension(path);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, null, ReadOptions);
        }
        catch (JsonException e)
        {
            return Failed(path, (int)(e.LineNumber ?? -1) + 1, $"not valid JSON: {Reason(e)}");
        }

        if (root is not JsonObject top)
        {
            return Failed(path, 1, "an annotation file holds one JSON object");
        }

        try
        {
            var version = top["version"] is { } v ? ReadInt(v, "version") : RunAnnotation.CurrentVersion;
            var runId = top["runId"] is { } id ? ReadString(id, "runId") : fileId;
            if (runId != fileId)
            {
                throw new FormatException($"runId '{runId}' does not match the file's name ({fileId}{AnnotationFolder.Extension})|runId");
            }

            var annotation = new RunAnnotation
            {
                Version = version,
                RunId = fileId,
                Starred = top["starred"] is { } s && ReadBool(s, "starred"),
                Tags = top["tags"] is { } tags ? RunAnnotation.NormalizeTags(ReadStrings(tags, "tags")) : [],
                Note = top["note"] is { } note ? NullIfEmpty(ReadString(note, "note")) : null,
                Snapshot = top["snapshot"] switch
                {
                    null => null,
                    JsonObject snapshot => ReadSnapshot(snapshot, "snapshot.", "snapshot"),
                    _ => throw new FormatException("snapshot must be an object or null|snapshot"),
                },
                Extra = Unknown(top, TopKeys),
            };
            return new AnnotationReadResult(annotation, null);
        }
        catch (FormatException e)
        {
            var (message, key) = Split(e.Message);
            return Failed(path, LineOf(text, key), message);
        }
    }

    private static RunSnapshot ReadSnapshot(JsonObject node, string prefix, string parent)
    {
        string Text(string key) => node[key] is { } v ? ReadString(v, prefix + key) : throw new FormatException($"{prefix}{key} is missing|{parent}");
        string? Optional(string key) => node[key] is { } v ? NullIfEmpty(ReadString(v, prefix + key)) : null;
        DateTimeOffset? Time(string key) => Optional(key) is { } t
            ? DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                ? time.ToUniversalTime()
                : throw new FormatException($"{prefix}{key} is not a time: '{t}'|{key}")
            : null;

        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (node["params"] is { } p)
        {
            foreach (var (key, value) in ReadObject(p, prefix + "params"))
            {
                parameters[key] = value?.GetValueKind() switch
                {
                    JsonValueKind.String => value.GetValue<string>(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
                    _ => throw new FormatException($"{prefix}params.{key} must be text|{key}"),
                };
            }
        }

        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (node["metrics"] is { } m)
        {
            foreach (var (key, value) in ReadObject(m, prefix + "metrics"))
            {
                metrics[key] = ReadMetric(value, $"{prefix}metrics.{key}", key);
            }
        }

        return new RunSnapshot
        {
            Name = Text("name"),
            Source = Text("source"),
            Store = Optional("store") ?? ".",
            Experiment = Optional("experiment"),
            ParentId = Optional("parentId"),
            Status = Optional("status") ?? "unknown",
            StartTime = Time("startTime"),
            EndTime = Time("endTime"),
            GitCommit = Optional("gitCommit"),
            Path = Text("path"),
            Params = parameters,
            Metrics = metrics,
            RecordedAt = Time("recordedAt"),
            Extra = Unknown(node, SnapshotKeys),
        };
    }

    private static void WriteSnapshot(Utf8JsonWriter json, RunSnapshot snapshot)
    {
        json.WriteStartObject();
        json.WriteString("name", snapshot.Name);
        json.WriteString("source", snapshot.Source);
        json.WriteString("store", snapshot.Store);
        WriteNullable(json, "experiment", snapshot.Experiment);
        if (snapshot.ParentId is { } parent)
        {
            // Written only for a child run: a top-level run's file reads as it did before the field was kept.
            json.WriteString("parentId", parent);
        }

        json.WriteString("status", snapshot.Status);
        WriteNullable(json, "startTime", Iso(snapshot.StartTime));
        WriteNullable(json, "endTime", Iso(snapshot.EndTime));
        WriteNullable(json, "gitCommit", snapshot.GitCommit);
        json.WriteString("path", snapshot.Path);
        json.WriteStartObject("params");
        foreach (var (key, value) in snapshot.Params.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteStartObject("metrics");
        foreach (var (key, value) in snapshot.Metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            WriteMetric(json, key, value);
        }

        json.WriteEndObject();
        WriteNullable(json, "recordedAt", Iso(snapshot.RecordedAt));
        WriteExtra(json, snapshot.Extra);
        json.WriteEndObject();
    }

    private static void WriteExtra(Utf8JsonWriter json, JsonObject? extra)
    {
        foreach (var (key, value) in extra ?? [])
        {
            json.WritePropertyName(key);
            if (value is null)
            {
                json.WriteNullValue();
            }
            else
            {
                value.WriteTo(json);
            }
        }
    }

    private static void WriteMetric(Utf8JsonWriter json, string key, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(key, value);
        }
        else
        {
            json.WriteString(key, double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static double ReadMetric(JsonNode? value, string name, string key) => value?.GetValueKind() switch
    {
        JsonValueKind.Number => value.GetValue<double>(),
        JsonValueKind.String => value.GetValue<string>() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var other => throw new FormatException($"{name} must be a number, not '{other}'|{key}"),
        },
        _ => throw new FormatException($"{name} must be a number|{key}"),
    };

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string? Iso(DateTimeOffset? time) => time is { } t ? Presentation.Labels.Iso(t) : null;

    private static JsonObject? Unknown(JsonObject node, string[] known)
    {
        var extra = new JsonObject();
        foreach (var (key, value) in node)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                extra[key] = value?.DeepClone();
            }
        }

        return extra.Count == 0 ? null : extra;
    }

    private static int ReadInt(JsonNode node, string name) =>
        node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var value) && value >= 1
            ? value
            : throw new FormatException($"{name} must be a whole number from 1|{name}");

    private static bool ReadBool(JsonNode node, string name) => node.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new FormatException($"{name} must be true or false|{name}"),
    };

    private static string ReadString(JsonNode node, string name) => node.GetValueKind() == JsonValueKind.String
        ? node.GetValue<string>()
        : throw new FormatException($"{name} must be text|{name[(name.LastIndexOf('.') + 1)..]}");

    private static List<string> ReadStrings(JsonNode node, string name) => node is JsonArray array
        && array.All(item => item?.GetValueKind() == JsonValueKind.String)
            ? [.. array.Select(item => item!.GetValue<string>())]
            : throw new FormatException($"{name} must be a list of text|{name}");

    private static JsonObject ReadObject(JsonNode node, string name) =>
        node as JsonObject ?? throw new FormatException($"{name} must be an object|{name[(name.LastIndexOf('.') + 1)..]}");

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static (string Message, string Key) Split(string message)
    {
        var bar = message.LastIndexOf('|');
        return bar < 0 ? (message, "") : (message[..bar], message[(bar + 1)..]);
    }

    /// <summary>The 1-based line of the first property named <paramref name="key"/>, 0 when there is none.</summary>
    private static int LineOf(string text, string key)
    {
        if (key.Length == 0)
        {
            return 0;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true });
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(key))
            {
                return 1 + bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
            }
        }

        return 0;
    }

    private static string Reason(JsonException e)
    {
        var message = e.Message;
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                message = message[..at];
            }
        }

        return message.TrimEnd('.', ' ');
    }

    private static AnnotationReadResult Failed(string path, int line, string message) =>
        new(null, new Problem(path, Math.Max(0, line), message, ProblemSeverity.Error));
}
