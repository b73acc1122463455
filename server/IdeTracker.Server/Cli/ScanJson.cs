using System.Text.Encodings.Web;
using System.Text.Json;
using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Server.Cli;

/// <summary>The <c>scan --json</c> shape: an array, one object per run, keys in a fixed order. Non-finite
/// metric values are the strings "NaN", "Infinity", "-Infinity", as on the LSP wire. <c>tags</c> are the
/// run's own (source) tags; the user's annotation follows the older keys as <c>starred</c>, <c>userTags</c>
/// and <c>gone</c>, so a script can pick starred runs without a second call.</summary>
public static class ScanJson
{
    public static void Write(TextWriter output, IReadOnlyList<RunDetailsRow> runs, string root)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var details in runs)
            {
                WriteRun(json, details, root);
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteRun(Utf8JsonWriter json, RunDetailsRow details, string root)
    {
        var run = details.Run;
        json.WriteStartObject();
        json.WriteString("id", run.Id);
        json.WriteString("source", run.Source);
        json.WriteString("store", PathText.RelativeOrSelf(root, details.StorePath));
        WriteNullable(json, "experiment", run.Experiment);
        json.WriteString("name", run.Name);
        WriteNullable(json, "parentId", run.ParentId);
        json.WriteString("status", run.Status.ToWire());
        WriteNullable(json, "startTime", run.StartTime is { } s ? Labels.Iso(s) : null);
        WriteNullable(json, "endTime", run.EndTime is { } e ? Labels.Iso(e) : null);
        WriteMap(json, "params", details.Params);
        json.WriteStartObject("metrics");
        foreach (var (key, m) in details.Metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject(key);
            WriteNumber(json, "last", m.Last);
            WriteNumber(json, "min", m.Min);
            WriteNumber(json, "max", m.Max);
            json.WriteNumber("count", m.Count);
            json.WriteNumber("lastStep", m.LastStep);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        WriteMap(json, "tags", details.Tags);
        json.WriteString("path", PathText.RelativeOrSelf(root, run.Directory));
        json.WriteBoolean("starred", run.Starred);
        json.WriteStartArray("userTags");
        foreach (var tag in run.UserTags)
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        json.WriteBoolean("gone", run.Gone);
        json.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> map)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

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

    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsNaN(value))
        {
            json.WriteString(name, "NaN");
        }
        else if (double.IsPositiveInfinity(value))
        {
            json.WriteString(name, "Infinity");
        }
        else if (double.IsNegativeInfinity(value))
        {
            json.WriteString(name, "-Infinity");
        }
        else
        {
            json.WriteNumber(name, value);
        }
    }
}
