using System.Text.Json;
using System.Text.RegularExpressions;
using IdeTracker.Core.Configs;
using IdeTracker.Core.Index;

namespace IdeTracker.Server.Tests.Configs;

/// <summary>Entries, values and runs built by hand (the parser and the index-backed results are not needed to
/// test what the cards say).</summary>
public static partial class ConfigFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    public static readonly MetricChoice ValAcc = new("val_acc", HigherIsBetter: true, Configured: false);
    public static readonly MetricChoice ValLoss = new("val_loss", HigherIsBetter: false, Configured: true);

    /// <summary>"key: value" on <paramref name="line"/>: the key from column 0, the value two columns after it.</summary>
    public static ConfigEntry Scalar(string dottedKey, string value, int line = 0)
    {
        var keyText = dottedKey.Split('.')[^1];
        var valueStart = keyText.Length + 2;
        return new ConfigEntry(
            dottedKey.Split('.'),
            TextSpan.OnLine(line, 0, keyText.Length),
            TextSpan.OnLine(line, valueStart, valueStart + value.Length),
            value,
            ConfigEntryKind.Scalar);
    }

    public static ConfigEntry Section(string dottedKey, int line = 0) =>
        new(dottedKey.Split('.'), TextSpan.OnLine(line, 0, dottedKey.Split('.')[^1].Length), null, null, ConfigEntryKind.Section);

    public static ConfigDocument Document(params ConfigEntry[] entries) => new(ConfigSyntax.Yaml, entries);

    public static RunBrief Run(string id, string? name = null, double? metric = null, string status = "finished", TimeSpan? endedAgo = null) =>
        new(id, name ?? id, "exp", status, Now - (endedAgo ?? TimeSpan.FromDays(3)) - TimeSpan.FromHours(1), Now - (endedAgo ?? TimeSpan.FromDays(3)), metric);

    /// <summary>A value tried by <paramref name="runs"/> runs, ids "<paramref name="text"/>-0"… best first.</summary>
    public static ValueResult Value(string text, double? number, int runs, double? best, double? mean = null, int failed = 0, RunBrief? bestRun = null)
    {
        var ids = Enumerable.Range(0, runs).Select(i => $"{text}-{i}").ToList();
        var brief = bestRun ?? (runs > 0 ? Run(ids[0], $"run {text}", best) : null);
        return new ValueResult(text, number, runs, failed, best, mean ?? best, brief, ids);
    }

    public static KeyResults Key(MetricChoice? metric, params ValueResult[] values) =>
        new(new KeyMatch(KeyMatchKind.Exact, "lr", []), metric, values.Sum(v => v.Runs), values);

    /// <summary>The argument arrays of every command link in the Markdown, by command, decoded from their URIs.</summary>
    public static List<(string Command, JsonElement Arguments)> DecodeLinks(string markdown) =>
        [.. LinkPattern().Matches(markdown).Select(m =>
            (m.Groups[1].Value, JsonDocument.Parse(Uri.UnescapeDataString(m.Groups[2].Value)).RootElement.Clone()))];

    [GeneratedRegex(@"\]\(command:([A-Za-z.]+)\?([^)\s]*)\)")]
    private static partial Regex LinkPattern();
}
