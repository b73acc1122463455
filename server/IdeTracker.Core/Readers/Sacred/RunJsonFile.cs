using System.Text.Json;
using System.Text.RegularExpressions;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Sacred;

/// <summary>Reads a Sacred run.json: experiment (name, mainfile, dependencies "pkg==ver", repositories), host,
/// meta (command, options, config_updates, named_configs, comment), status and times, result, fail_trace,
/// resources. Times are ISO 8601 without a zone: Sacred takes them from datetime.utcnow() (since Sacred 0.7),
/// so they are UTC.</summary>
internal static partial class RunJsonFile
{
    public const long MaxBytes = 16L * 1024 * 1024;

    private const int MaxReasonLength = 500;

    /// <summary>The record, or null (with a problem) when run.json cannot be read at all.</summary>
    public static SacredRunRecord? Read(string path, string workspaceRoot, DateTimeOffset now, List<Problem> problems)
    {
        using var json = JsonFile.Parse(path, MaxBytes, problems);
        if (json is null)
        {
            return null;
        }

        var root = json.Root;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new Problem(path, 1, "is not a JSON object; Sacred writes run.json as one"));
            return null;
        }

        var found = new ProblemList(path, problems);
        var record = new SacredRunRecord();
        ReadStatusAndTimes(root, json, record, now, found);
        ReadExperiment(Property(root, "experiment"), record);
        (record.Host, record.User) = SacredHost.Read(Property(root, "host"), record.Environment);
        ReadMeta(Property(root, "meta"), record);
        SetTag(record, "sacred.command", Text(Property(root, "command")));
        ReadResult(Property(root, "result"), record);
        SetTag(record, "sacred.fail_reason", LastLineOf(Property(root, "fail_trace")));
        ReadResources(Property(root, "resources"), workspaceRoot, record);
        found.Flush();
        return record;
    }

    private static void ReadStatusAndTimes(JsonElement root, JsonText json, SacredRunRecord record, DateTimeOffset now, ProblemList found)
    {
        var word = Text(Property(root, "status"));
        var status = SacredStatus.Parse(word);
        if (status is null)
        {
            found.Add(json.LineOfKey("status"), word is null
                ? "no status; shown as unknown"
                : $"status '{Shorten(word)}' is not one Sacred writes; shown as unknown");
        }

        var start = Time(root, "start_time", json, found);
        var stop = Time(root, "stop_time", json, found);
        var heartbeat = Time(root, "heartbeat", json, found);
        if (status == RunStatus.Running && SacredStatus.IsStale(heartbeat ?? start, now))
        {
            status = RunStatus.Killed;
        }

        SetTag(record, "sacred.status", word);
        record.Status = status ?? RunStatus.Unknown;
        record.StartTime = start;
        record.EndTime = stop ?? (record.Status is RunStatus.Finished or RunStatus.Failed or RunStatus.Killed ? heartbeat : null);
    }

    private static DateTimeOffset? Time(JsonElement root, string key, JsonText json, ProblemList found)
    {
        var value = Property(root, key);
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && UtcTime.TryParseIso(value.GetString(), out var time))
        {
            return time;
        }

        found.Add(json.LineOfKey(key), $"{key} '{Shorten(JsonPickleFlattener.TextOf(value))}' is not an ISO 8601 time; left out");
        return null;
    }

    private static void ReadExperiment(JsonElement experiment, SacredRunRecord record)
    {
        if (experiment.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        record.Experiment = Text(Property(experiment, "name"));
        var mainFile = Text(Property(experiment, "mainfile"));
        if (!string.IsNullOrEmpty(mainFile))
        {
            record.Environment["program"] = mainFile;
        }

        foreach (var dependency in Items(Property(experiment, "dependencies")))
        {
            // "numpy==1.26.3"; Sacred writes "<unknown>" when it found no version.
            if (Text(dependency) is not { Length: > 0 } text)
            {
                continue;
            }

            var separator = text.IndexOf("==", StringComparison.Ordinal);
            var name = separator < 0 ? text : text[..separator];
            var version = separator < 0 ? "" : text[(separator + 2)..];
            record.Packages[name] = version == "<unknown>" ? "" : version;
        }

        var index = 0;
        foreach (var repository in Items(Property(experiment, "repositories")))
        {
            if (repository.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var url = Text(Property(repository, "url"));
            var commit = Text(Property(repository, "commit"));
            var dirty = Property(repository, "dirty").ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => (bool?)false,
                _ => null,
            };
            if (index == 0)
            {
                record.GitCommit = commit;
                record.GitDirty = dirty;
                SetTag(record, "git.url", url);
            }
            else
            {
                // A run whose sources sit in several repositories: the first gives the commit, the others are listed.
                SetTag(record, $"git.{index}.url", url);
                SetTag(record, $"git.{index}.commit", commit);
                SetTag(record, $"git.{index}.dirty", dirty?.ToString().ToLowerInvariant());
            }

            index++;
        }
    }

    private static void ReadMeta(JsonElement meta, SacredRunRecord record)
    {
        record.Command = SacredCommandLine.From(record.Environment.GetValueOrDefault("program"), meta);
        if (meta.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        record.Note = Text(Property(meta, "comment")) is { Length: > 0 } comment ? comment : null;
        SetTag(record, "sacred.priority", Text(Property(meta, "priority")));

        // What was set on the command line is exactly what sets this run apart: named configs, then updates.
        var label = new List<string>();
        label.AddRange(Items(Property(meta, "named_configs")).Select(Text).OfType<string>());
        var updates = Property(meta, "config_updates");
        if (updates.ValueKind == JsonValueKind.Object)
        {
            var flat = new List<KeyValuePair<string, string>>();
            JsonPickleFlattener.FlattenObject(updates, flat);
            label.AddRange(flat.Select(p => p.Key + "=" + p.Value));
        }

        record.Label = label.Count > 0 ? Shorten(string.Join(' ', label)) : null;
    }

    /// <summary>A number becomes the metric "result"; anything else a tag a person can read.</summary>
    private static void ReadResult(JsonElement result, SacredRunRecord record)
    {
        if (result.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return;
        }

        if (JsonPickle.TryGetNumber(result, out var number))
        {
            record.Result = number;
            return;
        }

        SetTag(record, "sacred.result", JsonPickleFlattener.TextOf(result));
    }

    /// <summary>The last line of the traceback: the exception and its message.</summary>
    private static string? LastLineOf(JsonElement trace)
    {
        var text = trace.ValueKind == JsonValueKind.Array
            ? string.Concat(trace.EnumerateArray().Select(l => Text(l) ?? ""))
            : Text(trace);
        var last = text?.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0);
        return last is null ? null : Shorten(last);
    }

    /// <summary>Files the run opened with open_resource: [path it read, copy under _resources named &lt;stem&gt;_&lt;md5&gt;&lt;ext&gt;].</summary>
    private static void ReadResources(JsonElement resources, string workspaceRoot, SacredRunRecord record)
    {
        foreach (var resource in Items(resources))
        {
            var parts = Items(resource).Select(Text).ToList();
            if (parts.Count == 0 || string.IsNullOrEmpty(parts[0]))
            {
                continue;
            }

            var stored = parts.Count > 1 ? parts[1] : null;
            var digest = stored is null ? null : StoredDigest().Match(Path.GetFileName(stored));
            var path = Path.IsPathFullyQualified(parts[0]!) ? PathText.RelativeOrSelf(workspaceRoot, parts[0]!) : parts[0]!;
            record.DataInputs.Add(new DataInput(path, digest is { Success: true } ? "md5:" + digest.Groups[1].Value : null, null, null));
        }
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static IEnumerable<JsonElement> Items(JsonElement element) =>
        JsonPickle.TryGetItems(element, out var array) ? array.EnumerateArray() : [];

    private static string? Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => JsonPickleFlattener.TextOf(element),
        _ => null,
    };

    private static void SetTag(SacredRunRecord record, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            record.Tags[key] = Shorten(value);
        }
    }

    private static string Shorten(string text) => text.Length <= MaxReasonLength ? text : text[..MaxReasonLength] + "…";

    [GeneratedRegex("_([0-9a-f]{32})(\\.[^.]*)?$")]
    private static partial Regex StoredDigest();
}
