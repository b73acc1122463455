using System.Globalization;
using System.Text;
using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Tests.Readers.Dvc;

/// <summary>Everything a read gave, runs and problems, as one text: two reads agree exactly when their texts do.</summary>
internal static class RunText
{
    public static string Of(UnitReadResult result)
    {
        var text = new StringBuilder();
        foreach (var run in result.Runs)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"run {run.Id} {run.Source} {run.NativeId} {run.StorePath} {run.ExperimentId} {run.Experiment} {run.Name} {run.ParentId}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  {run.Status} {run.StartTime:O} {run.EndTime:O} {run.User} {run.Host} {run.Command} {run.GitCommit} {run.GitDirty} {run.Note} {run.Label} {run.Directory} {run.MetricsFile}");
            foreach (var (key, value) in run.Params)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  param {key}={value}");
            }

            foreach (var (key, value) in run.Tags)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  tag {key}={value}");
            }

            foreach (var (key, points) in run.Metrics)
            {
                text.Append(CultureInfo.InvariantCulture, $"  metric {key}:");
                foreach (var point in points)
                {
                    text.Append(CultureInfo.InvariantCulture, $" {point.Step}@{point.TimestampMs}={point.Value:R}");
                }

                text.AppendLine();
            }

            foreach (var input in run.DataInputs)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  input {input}");
            }

            foreach (var media in run.Media)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  media {media}");
            }
        }

        foreach (var problem in result.Problems)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"problem {problem.Path}:{problem.Line} {problem.Severity} {problem.Message}");
        }

        return text.ToString();
    }
}
