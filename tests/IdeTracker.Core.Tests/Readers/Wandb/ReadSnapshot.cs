using System.Globalization;
using System.Text;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Tests.Readers.Wandb;

/// <summary>Everything a read gave, as text, so two reads can be compared field by field with a readable diff.
/// Values are written round-trip ("R"), NaN and infinities by name.</summary>
internal static class ReadSnapshot
{
    public static string Of(UnitReadResult result)
    {
        var text = new StringBuilder();
        foreach (var run in result.Runs)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"run {run.Id} {run.NativeId} {run.Name} {run.Status} {run.Experiment}/{run.ExperimentId} {run.StartTime:O} {run.EndTime:O}");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {run.User} {run.Host} {run.Command} {run.GitCommit} {run.GitDirty} {run.Note} {run.Directory} {run.MetricsFile}");
            Section(text, "param", run.Params);
            Section(text, "tag", run.Tags);
            Section(text, "env", run.Environment);
            Section(text, "package", run.Packages);
            foreach (var (key, points) in run.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                text.Append("  metric ").Append(key).Append(':');
                foreach (var p in points)
                {
                    text.Append(CultureInfo.InvariantCulture, $" {p.Step}@{p.TimestampMs}={p.Value:R}");
                }

                text.AppendLine();
            }

            foreach (var media in run.Media.OrderBy(m => m.Tag, StringComparer.Ordinal))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  media {media}");
            }
        }

        foreach (var problem in result.Problems)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"problem {problem.Severity} {problem.Format()}");
        }

        foreach (var file in result.Files)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"file {file}");
        }

        return text.ToString();
    }

    private static void Section(StringBuilder text, string name, Dictionary<string, string> entries)
    {
        foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {name} {key}={value}");
        }
    }
}
