namespace IdeTracker.Core.Readers.Hydra;

/// <summary>What ide-tracker takes from Hydra's own settings (hydra.yaml of a job, the hydra: section of a sweep's
/// multirun.yaml), flattened to dotted keys as <see cref="Common.YamlFlattener"/> writes them.</summary>
internal sealed record HydraSettings(string? JobName, IReadOnlyList<string> Overrides, string? JobNum, string? Version, string? Cwd, IReadOnlyDictionary<string, string> Choices)
{
    private const string Prefix = "hydra.";

    /// <summary>Reads the settings out of flattened YAML whose Hydra part sits under "hydra.".</summary>
    public static HydraSettings From(IReadOnlyDictionary<string, string> flat)
    {
        var overrides = new List<string>();
        for (var i = 0; flat.TryGetValue($"{Prefix}overrides.task.{i}", out var item); i++)
        {
            overrides.Add(item);
        }

        const string choicesPrefix = Prefix + "runtime.choices.";
        var choices = flat
            .Where(kv => kv.Key.StartsWith(choicesPrefix, StringComparison.Ordinal))
            .Select(kv => (Group: kv.Key[choicesPrefix.Length..], kv.Value))
            .Where(c => !c.Group.StartsWith("hydra", StringComparison.Ordinal) && c.Value is not ("" or "null"))
            .ToDictionary(c => c.Group, c => c.Value, StringComparer.Ordinal);

        return new HydraSettings(
            Known(flat, Prefix + "job.name"),
            overrides,
            Known(flat, Prefix + "job.num"),
            Known(flat, Prefix + "runtime.version"),
            Known(flat, Prefix + "runtime.cwd"),
            choices);
    }

    /// <summary>"lr=0.1, model=resnet": the overrides as a person reads them, null when there are none.</summary>
    public string? Label => Overrides.Count == 0 ? null : string.Join(", ", Overrides);

    /// <summary>A value Hydra has resolved: "???" is its mark for a value that was never set (job.num of a single run).</summary>
    private static string? Known(IReadOnlyDictionary<string, string> flat, string key) =>
        flat.TryGetValue(key, out var value) && value is not ("???" or "" or "null") ? value : null;
}
