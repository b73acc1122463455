using IdeTracker.Core.Configs;
using IdeTracker.Core.Presentation;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.Configs;

/// <summary>What is worth knowing before running a config as it stands, as Information diagnostics: a value every
/// run of which failed, values that are the same as a run whose last attempt failed, and data the config names that
/// changed after the file's best run. Anything less certain says nothing.</summary>
public static class ConfigDiagnostics
{
    public const string Source = "ide-tracker";
    public const string FailedValue = "ide-tracker.failed-value";
    public const string FailedConfig = "ide-tracker.failed-config";
    public const string DataChanged = "ide-tracker.data-changed";
    private const int Information = 3;
    private const string Failed = "failed";

    /// <summary>"All 3 runs with lr = 1 failed, run-x among them (2 days ago)"; null unless every run with the value failed.</summary>
    public static Diagnostic? ForFailedValue(ConfigEntry entry, KeyResults results, DateTimeOffset now)
    {
        if (entry.ValueSpan is not { } span || !results.Match.IsMatched || results.Find(entry.Value) is not { } value
            || value.Runs == 0 || value.Failed < value.Runs)
        {
            return null;
        }

        var subject = $"{entry.DottedPath} = {ValueLabels.Show(entry.Value)}";
        var message = value.Runs == 1 ? $"The one run with {subject} failed" : $"All {value.Runs:N0} runs with {subject} failed";
        if (value.BestRun is { } run)
        {
            var ago = RunWhen.Ago(run, now) is { } a ? $" ({a})" : string.Empty;
            message += value.Runs == 1 ? $": {ValueLabels.Show(run.Name)}{ago}" : $", {ValueLabels.Show(run.Name)} among them{ago}";
        }

        return new Diagnostic(SpanRanges.ToRange(span), Information, FailedValue, Source, message);
    }

    /// <summary>When the latest run with the file's very values failed: "These values were run 3 times; the last,
    /// run-x, failed 2 days ago". A later success with the same values says nothing.</summary>
    public static Diagnostic? ForFailedConfig(FileResults file, DateTimeOffset now)
    {
        var last = file.SameValues.OrderByDescending(r => RunWhen.Time(r) ?? DateTimeOffset.MinValue).FirstOrDefault();
        if (last is null || last.Status != Failed)
        {
            return null;
        }

        var ago = RunWhen.Ago(last, now) is { } a ? $" {a}" : string.Empty;
        var message = file.SameValues.Count == 1
            ? $"A run with this file's values failed{ago}: {ValueLabels.Show(last.Name)}"
            : $"This file's values were run {Labels.Count(file.SameValues.Count, "time")}; the last, {ValueLabels.Show(last.Name)}, failed{ago}";
        return new Diagnostic(SpanRanges.Start, Information, FailedConfig, Source, message);
    }

    /// <summary>"data/train.csv changed 2 hours ago, after the best run (x) finished 3 days ago"; null unless the
    /// named data changed after the file's best run ended (or started, when it has no end).</summary>
    public static Diagnostic? ForChangedData(ConfigEntry entry, DateTimeOffset changed, RunBrief? bestRun, DateTimeOffset now)
    {
        if (entry.ValueSpan is not { } span || bestRun is null || RunWhen.Time(bestRun) is not { } ran || changed <= ran)
        {
            return null;
        }

        var message = $"{ValueLabels.Show(entry.Value)} changed {Labels.TimeAgo(changed, now)}, after the best run ({ValueLabels.Show(bestRun.Name)}) {RunWhen.Phrase(bestRun, now)}";
        return new Diagnostic(SpanRanges.ToRange(span), Information, DataChanged, Source, message);
    }
}
