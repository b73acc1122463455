using IdeTracker.Core.Configs;
using IdeTracker.Core.Index;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Server.Features.Configs;

/// <summary>Code lens titles: one line each, plain text, the metric named wherever a number is shown.</summary>
public static class LensTitles
{
    /// <summary>"14 runs · best val_acc 0.934 at 3e-4 · compare"; for a value never tried
    /// "new value · 9 runs tried 4 other values · best val_acc 0.93 at 1e-3".</summary>
    public static string ForKey(ConfigEntry entry, KeyResults results)
    {
        var current = results.Find(entry.Value);
        var parts = new List<string>();
        if (current is null)
        {
            parts.Add("new value");
            parts.Add(results.Values.Count == 0
                ? "no run recorded a value"
                : $"{Labels.Count(results.Runs, "run")} tried {Labels.Count(results.Values.Count, "other value")}");
        }
        else
        {
            parts.Add(Labels.Count(results.Runs, "run"));
        }

        if (Best(entry, results) is { } best)
        {
            parts.Add(best);
        }
        else if (results.Metric is null && current is not null)
        {
            parts.Add(Labels.Count(results.Values.Count, "value"));
        }

        if (current is not null)
        {
            parts.Add("compare");
        }

        return string.Join(" · ", parts);
    }

    /// <summary>"142 runs used this file · best val_acc 0.951 (resnet-a, 3 days ago) · open in compare".</summary>
    public static string ForFile(FileResults file, MetricChoice? metric, DateTimeOffset now)
    {
        if (file.Runs == 0)
        {
            return "no run records this file's keys";
        }

        // Keys can match params different tools record; then the runs that record most of them stand for the file.
        var used = file.RecordedKeys < file.MatchedKeys
            ? $"{Labels.Count(file.Runs, "run")} used {file.RecordedKeys} of this file's {Labels.Count(file.MatchedKeys, "matched key")}"
            : $"{Labels.Count(file.Runs, "run")} used this file";
        var parts = new List<string> { used };
        if (metric is not null && file.BestRun is { Metric: { } value } best)
        {
            var when = RunWhen.Ago(best, now) is { } ago ? $", {ago}" : string.Empty;
            parts.Add($"best {metric.Key} {Labels.Metric(value)} ({ValueLabels.Show(best.Name)}{when})");
        }

        parts.Add("open in compare");
        return string.Join(" · ", parts);
    }

    /// <summary>"best val_acc 0.934 at 3e-4", or "no val_acc reported"; null without a metric.</summary>
    private static string? Best(ConfigEntry entry, KeyResults results)
    {
        if (results.Metric is not { } metric)
        {
            return null;
        }

        return BestValue.Of(results) is { Best: { } best } value
            ? $"best {metric.Key} {Labels.Metric(best)} at {HoverCard.Spelling(value, entry, results)}"
            : $"no {metric.Key} reported";
    }
}
