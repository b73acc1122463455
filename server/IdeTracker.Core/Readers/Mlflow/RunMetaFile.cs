using System.Globalization;
using IdeTracker.Core.Model;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>Reads a run's meta.yaml into a record, locating every value it cannot use.</summary>
internal static class RunMetaFile
{
    private const int MaxIdLength = 256;

    /// <summary>The record, or null with exactly one problem when the file names no usable run id.</summary>
    public static MlflowRunRecord? Read(string path, long size, string folderName, List<Problem> problems)
    {
        var text = TextFile.Read(path, size, problems);
        if (text is null)
        {
            return null;
        }

        var yaml = MetaYaml.Parse(text);
        var runId = RunId(yaml, path, out var missing);
        if (runId is null)
        {
            problems.Add(missing!);
            return null;
        }

        if (yaml.FirstBadLine > 0)
        {
            problems.Add(MetaProblems.BadLines(path, yaml));
        }

        if (runId != folderName)
        {
            problems.Add(new Problem(path, yaml.TryGet("run_id", out var line) ? line.Line : 0,
                $"run id '{runId}' differs from its folder name '{folderName}'", ProblemSeverity.Warning));
        }

        return new MlflowRunRecord(runId)
        {
            RunName = yaml.Text("run_name"),
            ExperimentId = yaml.Text("experiment_id"),
            UserId = yaml.Text("user_id"),
            Deleted = yaml.Text("lifecycle_stage") == "deleted",
            Status = Status(yaml, path, problems),
            StartMs = Time(yaml, "start_time", path, problems),
            EndMs = Time(yaml, "end_time", path, problems),
        };
    }

    /// <summary>run_id, or run_uuid as older MLflow wrote it.</summary>
    private static string? RunId(MetaYaml yaml, string path, out Problem? missing)
    {
        missing = null;
        foreach (var key in (ReadOnlySpan<string>)["run_id", "run_uuid"])
        {
            if (yaml.TryGet(key, out var entry) && entry.Value is { } id)
            {
                if (IsUsableId(id))
                {
                    return id;
                }

                missing ??= new Problem(path, entry.Line, $"{key} '{Shorten(id)}' is not a run id; not read as a run");
            }
        }

        if (missing is null)
        {
            var why = yaml.FirstBadLine > 0 ? "; the file is damaged from this line on or has lines that are not 'key: value'" : "";
            missing = new Problem(path, yaml.FirstBadLine, "has no run_id; not read as a run" + why);
        }

        return null;
    }

    /// <summary>MLflow's own rule for run ids: a letter or digit, then letters, digits, '_' or '-'.</summary>
    private static bool IsUsableId(string id)
    {
        if (id.Length is 0 or > MaxIdLength || !char.IsAsciiLetterOrDigit(id[0]))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A missing status is RUNNING, as MLflow reads it.</summary>
    private static RunStatus Status(MetaYaml yaml, string path, List<Problem> problems)
    {
        if (!yaml.TryGet("status", out var entry))
        {
            return RunStatus.Running;
        }

        if (entry.Value is null)
        {
            problems.Add(new Problem(path, entry.Line, "status is empty"));
            return RunStatus.Unknown;
        }

        if (int.TryParse(entry.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && MlflowStatus.TryFromNumber(number, out var status))
        {
            return status;
        }

        problems.Add(new Problem(path, entry.Line, $"status '{Shorten(entry.Value)}' is not a run status (1 to 5)"));
        return RunStatus.Unknown;
    }

    private static long? Time(MetaYaml yaml, string key, string path, List<Problem> problems)
    {
        if (!yaml.TryGet(key, out var entry) || entry.Value is null)
        {
            return null;
        }

        if (long.TryParse(entry.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
            && MlflowRunRecord.IsRepresentableTime(ms))
        {
            return ms;
        }

        problems.Add(new Problem(path, entry.Line, $"{key} '{Shorten(entry.Value)}' is not a time in milliseconds"));
        return null;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
