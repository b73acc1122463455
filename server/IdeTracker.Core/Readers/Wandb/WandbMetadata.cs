using System.Globalization;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Wandb;

/// <summary>What files/wandb-metadata.json says about where and how the run ran. W&amp;B writes it once at
/// the start; the keys have changed between versions, so each is optional.</summary>
internal sealed class WandbMetadata
{
    private static readonly (string Key, string Name)[] EnvironmentKeys =
    [
        ("os", "os"),
        ("python", "python"),
        ("program", "program"),
        ("executable", "executable"),
        ("docker", "docker"),
        ("cuda", "cuda"),
        ("gpu", "gpu"),
        ("gpu_count", "gpu_count"),
        ("cpu_count", "cpu_count"),
        ("cpu_count_logical", "cpu_count_logical"),
    ];

    public string? Program { get; private init; }

    public List<string> Args { get; private init; } = [];

    public string? Host { get; private init; }

    public string? Username { get; private init; }

    public DateTimeOffset? StartedAt { get; private init; }

    public string? GitRemote { get; private init; }

    public string? GitCommit { get; private init; }

    /// <summary>Environment entries in the run model's words: os, python, program, executable, cuda, gpu…</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public static WandbMetadata? Read(string path, long size, List<Problem> problems)
    {
        if (SmallJsonFile.Read(path, size, problems) is not { } json)
        {
            return null;
        }

        if (json.Kind != JsonKind.Object)
        {
            problems.Add(new Problem(path, 1, "is not a JSON object; not read"));
            return null;
        }

        var git = json["git"];
        var metadata = new WandbMetadata
        {
            Program = TextOf(json["program"]),
            Args = json["args"] is { Kind: JsonKind.Array } args ? [.. args.Items.Select(a => TextOf(a) ?? "")] : [],
            Host = TextOf(json["host"]),
            Username = TextOf(json["username"]),
            StartedAt = TimeOf(TextOf(json["startedAt"])),
            GitRemote = git is null ? null : TextOf(git["remote"]),
            GitCommit = git is null ? null : TextOf(git["commit"]),
        };
        foreach (var (key, name) in EnvironmentKeys)
        {
            if (TextOf(json[name]) is { } value)
            {
                metadata.Environment[key] = value;
            }
        }

        return metadata;
    }

    /// <summary>A string or a number as text; null for null, containers and empty strings.</summary>
    private static string? TextOf(JsonValue? value) => value?.Kind switch
    {
        JsonKind.String when value.Text.Length > 0 => value.Text,
        JsonKind.Number => value.Text,
        JsonKind.True or JsonKind.False => value.ScalarText(),
        _ => null,
    };

    /// <summary>W&amp;B writes startedAt in UTC, without a zone ("2023-03-28T23:59:30.537705") in older versions
    /// and with "Z" in newer ones.</summary>
    private static DateTimeOffset? TimeOf(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}
