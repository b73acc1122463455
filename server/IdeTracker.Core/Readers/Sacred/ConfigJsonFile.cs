using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Sacred;

/// <summary>Reads Sacred's config.json (the run's whole configuration, seed included) into flattened params.</summary>
internal static class ConfigJsonFile
{
    public const long MaxBytes = 16L * 1024 * 1024;

    public static void Read(string path, Dictionary<string, string> into, List<Problem> problems)
    {
        using var json = JsonFile.Parse(path, MaxBytes, problems);
        if (json is null)
        {
            return;
        }

        var flat = new List<KeyValuePair<string, string>>();
        if (JsonPickleFlattener.FlattenObject(json.Root, flat) is { } message)
        {
            problems.Add(new Problem(path, json.Root.ValueKind == System.Text.Json.JsonValueKind.Object ? 0 : 1, message, ProblemSeverity.Warning));
        }

        foreach (var (key, value) in flat)
        {
            into[key] = value;
        }
    }
}
