using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>Reads a DVC project folder (one holding dvc.yaml, or a dvclive/ folder DVCLive wrote without a
/// pipeline) into its runs: the workspace as it is on disk, and one run per local branch and per DVC
/// experiment (refs/exps/…) of the git repository around it whose commit holds the project. Params come from
/// params.yaml and the params files dvc.yaml names, data versions from dvc.lock, metrics from DVCLive's files
/// and the metrics files dvc.yaml names. Never writes to the project or the repository.
/// <para>The workspace run is Running while DVC's .dvc/tmp/rwlock shows a live `dvc repro` / `dvc exp run`
/// writing into the project, else Unknown: DVCLive alone records no status, and a guess from recent write
/// times would stay "running" in the index once writes stop, since nothing would prompt a re-read. Its times
/// are the first and last wall times in the .tsv files, or the DVCLive files' write times when they kept none.</para>
/// <para>Its GitDirty is git's status of the tracked files under the project, taken whenever the unit is read;
/// an edit to a tracked file the reader does not stamp (source code) shows with the next read.</para></summary>
public sealed class DvcProjectReader : IResumableRunReader
{
    public const string WorkspaceName = "workspace";

    public string Format => UnitFormats.DvcProject;

    /// <summary>The project's files (dvc.yaml is parsed to learn which params and metrics files it names; the
    /// rest is only statted), DVC's rwlock, and git's HEAD, packed-refs and loose refs under refs/heads and
    /// refs/exps.</summary>
    public IReadOnlyList<FileStamp> Stamp(RunUnit unit)
    {
        if (!Directory.Exists(unit.Path))
        {
            return [];
        }

        var files = new WorkspaceFiles(unit.Path, previous: null);
        var layout = ProjectLayout.Of(files, ProjectContentReader.ReadPipeline(files, problems: []));
        var git = GitLocation.Find(unit.Path);
        return StampsOf(files, layout, git, StageLock.Find(unit.Path, git), out _);
    }

    public UnitReadResult Read(RunUnit unit, CancellationToken cancellationToken) => Read(unit, resume: null, cancellationToken);

    public UnitReadResult Read(RunUnit unit, ReadResume? resume, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var previous = resume is DvcResume mine && mine.UnitPath == unit.Path ? mine : null;
        var result = new UnitReadResult();
        if (!Directory.Exists(unit.Path))
        {
            // A project folder that is gone has no runs left, not even the ones its branches still hold.
            return result;
        }

        var problems = result.Problems;
        var files = new WorkspaceFiles(unit.Path, previous?.TsvStates);
        var layout = ProjectLayout.Of(files, ProjectContentReader.ReadPipeline(files, problems));
        var git = GitLocation.Find(unit.Path);
        var stageLock = StageLock.Find(unit.Path, git);
        result.Files.AddRange(StampsOf(files, layout, git, stageLock, out var gitStamps));

        ProjectContent? content = null;
        if (layout.IsProject)
        {
            content = ProjectContentReader.Read(files, layout, unit.WorkspaceRoot, problems, cancellationToken);
        }
        else
        {
            problems.Add(new Problem(unit.Path, 0, $"holds neither {PipelineFile.FileName} nor {ProjectLayout.DvcliveFolder}/; the workspace is not read as a run", ProblemSeverity.Warning));
        }

        var runs = new ProjectRuns(unit);
        var gitPart = git is null ? null : ReadGit(unit, git, gitStamps, runs, content is not null, previous, cancellationToken);
        if (content is not null)
        {
            result.Runs.Add(WorkspaceRun(unit, runs, files, content, layout, stageLock, gitPart, problems));
        }

        if (gitPart is not null)
        {
            problems.AddRange(gitPart.Problems);
            result.Runs.AddRange((gitPart.Runs ?? []).Select(ProjectRuns.Copy));
        }

        result.Resume = new DvcResume
        {
            UnitPath = unit.Path,
            TsvStates = files.TsvStates,
            GitStamps = gitPart?.Runs is null ? null : gitStamps,
            GitRuns = gitPart?.Runs ?? [],
            GitProblems = gitPart?.Problems ?? [],
            Commits = gitPart?.Commits ?? new Dictionary<string, CommitRead>(),
        };
        return result;
    }

    private static List<FileStamp> StampsOf(WorkspaceFiles files, ProjectLayout layout, GitLocation? git, StageLock? stageLock, out List<FileStamp> gitStamps)
    {
        var stamps = new List<FileStamp>();
        foreach (var file in layout.Files())
        {
            FileStamps.AddIfPresent(files.FullPath(file), stamps);
        }

        if (stageLock is not null)
        {
            FileStamps.AddIfPresent(stageLock.Path, stamps);
        }

        gitStamps = git is null ? [] : GitStamps.Of(git);
        stamps.AddRange(gitStamps);
        return stamps;
    }

    private static GitPart? ReadGit(RunUnit unit, GitLocation git, List<FileStamp> gitStamps, ProjectRuns runs, bool workspaceIsRun, DvcResume? previous, CancellationToken ct)
    {
        var problems = new List<Problem>();
        using var repo = GitWorkspace.Open(git, problems);
        if (repo is null)
        {
            return new GitPart(null, null, null, problems, null);
        }

        var projectInRepo = Path.GetRelativePath(git.WorkTree, unit.Path).Replace('\\', '/');
        projectInRepo = projectInRepo == "." ? "" : projectInRepo;
        var head = GitWorkspace.HeadCommit(repo);
        var dirty = workspaceIsRun ? GitWorkspace.IsDirty(repo, projectInRepo) : null;
        if (previous?.GitStamps is { } before && before.SequenceEqual(gitStamps))
        {
            return new GitPart(head, dirty, [.. previous.GitRuns], [.. previous.GitProblems], previous.Commits);
        }

        var read = GitRunsReader.Read(repo, git, unit, runs, projectInRepo, previous?.Commits, ct);
        return new GitPart(head, dirty, read.Runs, read.Problems, read.Commits);
    }

    private static Run WorkspaceRun(RunUnit unit, ProjectRuns runs, WorkspaceFiles files, ProjectContent content, ProjectLayout layout, StageLock? stageLock, GitPart? git, List<Problem> problems)
    {
        var runningCommand = stageLock?.RunningCommand(unit.Path, problems);
        var (start, end) = TimesOf(files, content, layout);
        var details = new RunDetails
        {
            NativeId = WorkspaceName,
            Name = WorkspaceName,
            Status = runningCommand is null ? RunStatus.Unknown : RunStatus.Running,
            StartTime = start,
            EndTime = runningCommand is null ? end : null,
            Command = content.Command ?? runningCommand,
            GitCommit = git?.Head,
            GitDirty = git?.Dirty,
            MetricsFile = content.MetricsFile is { } metrics ? files.FullPath(metrics) : null,
        };
        return runs.Make(details, content);
    }

    /// <summary>The first and last wall times DVCLive kept in its .tsv files; without them the DVCLive files'
    /// write times (params.yaml is written first, metrics.json last), and for a pipeline without DVCLive the
    /// time dvc.lock was written, when the last stage finished.</summary>
    private static (DateTimeOffset? Start, DateTimeOffset? End) TimesOf(WorkspaceFiles files, ProjectContent content, ProjectLayout layout)
    {
        if (content.FirstTimestampMs is { } first && content.LastTimestampMs is { } last)
        {
            return (DateTimeOffset.FromUnixTimeMilliseconds(first), DateTimeOffset.FromUnixTimeMilliseconds(last));
        }

        var written = layout.DvcliveFolders
            .SelectMany(f => new[] { ProjectPath.Child(f, ProjectLayout.DvcliveParams), ProjectPath.Child(f, ProjectLayout.DvcliveMetrics) })
            .Concat(layout.TsvFiles.Select(t => t.File))
            .Select(f => WriteTime(files.FullPath(f)))
            .OfType<DateTimeOffset>()
            .ToList();
        if (written.Count > 0)
        {
            return (written.Min(), written.Max());
        }

        return (null, WriteTime(files.FullPath(LockFile.FileName)));
    }

    private static DateTimeOffset? WriteTime(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new DateTimeOffset(info.LastWriteTimeUtc) : null;
    }

    /// <summary>What the repository gave: HEAD's commit, the dirty check, the branch and experiment runs (null
    /// when the repository could not be opened), their problems and the commits they were read from.</summary>
    private sealed record GitPart(string? Head, bool? Dirty, List<Run>? Runs, List<Problem> Problems, IReadOnlyDictionary<string, CommitRead>? Commits);
}
