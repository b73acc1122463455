using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>Makes the runs of one project unit: ids from the project's path relative to the workspace and
/// the run's native id ("workspace", "refs/heads/main", "refs/exps/…"), the experiment named after the folder.</summary>
internal sealed class ProjectRuns
{
    public const string Source = "dvc";

    private readonly RunUnit _unit;
    private readonly string _storeKey;
    private readonly string _experiment;

    public ProjectRuns(RunUnit unit)
    {
        _unit = unit;
        _storeKey = PathText.RelativeOrSelf(unit.WorkspaceRoot, unit.StorePath);
        _experiment = Path.GetFileName(Path.TrimEndingDirectorySeparator(unit.Path));
    }

    public string IdOf(string nativeId) => RunIds.Make(Source, _storeKey, nativeId);

    public Run Make(RunDetails details, ProjectContent content)
    {
        var run = new Run
        {
            Id = IdOf(details.NativeId),
            Source = Source,
            NativeId = details.NativeId,
            StorePath = _unit.StorePath,
            Experiment = _experiment,
            Name = details.Name,
            ParentId = details.ParentId,
            Status = details.Status,
            StartTime = details.StartTime,
            EndTime = details.EndTime,
            User = details.User,
            Command = details.Command,
            GitCommit = details.GitCommit,
            GitDirty = details.GitDirty,
            Note = details.Note,
            Label = details.Label,
            Directory = _unit.Path,
            MetricsFile = details.MetricsFile,
        };
        CopyValues(content.Params, content.Metrics, content.Tags, run);
        run.DataInputs.AddRange(content.DataInputs);
        run.Media.AddRange(content.Media);
        return run;
    }

    /// <summary>A copy that shares nothing mutable with <paramref name="run"/>: a run kept for a later read
    /// is handed out afresh each time.</summary>
    public static Run Copy(Run run)
    {
        var copy = new Run
        {
            Id = run.Id,
            Source = run.Source,
            NativeId = run.NativeId,
            StorePath = run.StorePath,
            ExperimentId = run.ExperimentId,
            Experiment = run.Experiment,
            Name = run.Name,
            ParentId = run.ParentId,
            Status = run.Status,
            StartTime = run.StartTime,
            EndTime = run.EndTime,
            User = run.User,
            Host = run.Host,
            Command = run.Command,
            GitCommit = run.GitCommit,
            GitDirty = run.GitDirty,
            Note = run.Note,
            Label = run.Label,
            Directory = run.Directory,
            MetricsFile = run.MetricsFile,
        };
        CopyValues(run.Params, run.Metrics, run.Tags, copy);
        foreach (var (key, value) in run.Packages)
        {
            copy.Packages[key] = value;
        }

        foreach (var (key, value) in run.Environment)
        {
            copy.Environment[key] = value;
        }

        copy.Media.AddRange(run.Media);
        copy.DataInputs.AddRange(run.DataInputs);
        return copy;
    }

    /// <summary>Params, tags and metrics into <paramref name="target"/>, each metric's points in a list of its own.</summary>
    private static void CopyValues(
        Dictionary<string, string> parameters, Dictionary<string, List<MetricPoint>> metrics, Dictionary<string, string> tags, Run target)
    {
        foreach (var (key, value) in parameters)
        {
            target.Params[key] = value;
        }

        foreach (var (key, points) in metrics)
        {
            target.Metrics[key] = [.. points];
        }

        foreach (var (key, value) in tags)
        {
            target.Tags[key] = value;
        }
    }
}
