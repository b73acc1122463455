using IdeTracker.Core.Model;
using LibGit2Sharp;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>Reads the runs a project has in its git repository: one per local branch and one per DVC
/// experiment ref whose commit holds the project (dvc.yaml or a DVCLive folder at the project's path). An
/// experiment is the child of the branch whose tip is its baseline commit, and its label says which params it
/// changed from that baseline. Read-only: objects are only looked up, nothing is written.</summary>
internal sealed class GitRunsReader
{
    public const int MaxRefs = 5_000;
    public const int MaxProblems = 200;
    private const int MaxLabelChanges = 4;

    private readonly Repository _repo;
    private readonly RunUnit _unit;
    private readonly ProjectRuns _runs;
    private readonly string _projectInRepo;
    private readonly CancellationToken _ct;
    private readonly IReadOnlyDictionary<string, CommitRead> _known;
    private readonly HashSet<(string, int, string)> _reported = [];
    private int _problemCount;

    private GitRunsReader(Repository repo, RunUnit unit, ProjectRuns runs, string projectInRepo, IReadOnlyDictionary<string, CommitRead>? known, CancellationToken ct)
    {
        _known = known ?? new Dictionary<string, CommitRead>();
        _repo = repo;
        _unit = unit;
        _runs = runs;
        _projectInRepo = projectInRepo;
        _ct = ct;
    }

    public List<Run> Runs { get; } = [];

    public List<Problem> Problems { get; } = [];

    /// <summary>Every commit this read looked at (tips and baselines), by sha: what the next read can reuse.</summary>
    public Dictionary<string, CommitRead> Commits { get; } = new(StringComparer.Ordinal);

    /// <param name="projectInRepo">The project's path in the repository with forward slashes, "" at its top.</param>
    /// <param name="known">Commits an earlier read of the unit already read; they are taken as they were.</param>
    public static GitRunsReader Read(Repository repo, GitLocation git, RunUnit unit, ProjectRuns runs, string projectInRepo, IReadOnlyDictionary<string, CommitRead>? known, CancellationToken ct)
    {
        var reader = new GitRunsReader(repo, unit, runs, projectInRepo, known, ct);
        reader.ReadAll(git);
        return reader;
    }

    private void ReadAll(GitLocation git)
    {
        var (branches, experiments) = ListRefs(git);
        var headName = SafeHeadName();
        // Tip commit → the branch run an experiment based on that commit hangs under (the checked-out branch first).
        var branchByTip = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in branches.OrderBy(r => r.CanonicalName == headName ? 0 : 1))
        {
            _ct.ThrowIfCancellationRequested();
            var name = reference.CanonicalName["refs/heads/".Length..];
            if (TargetOf(reference) is not { } sha || ReadCommit(sha, $"branch {name} ({Short(sha)})") is not { Content: { } content } commit)
            {
                continue;
            }

            var run = _runs.Make(CommitDetails(reference.CanonicalName, name, sha, commit, content, parentId: null, label: null), content);
            branchByTip.TryAdd(sha, run.Id);
            Runs.Add(run);
        }

        Runs.Sort((a, b) => string.CompareOrdinal(a.NativeId, b.NativeId));
        foreach (var (reference, experiment) in experiments)
        {
            _ct.ThrowIfCancellationRequested();
            if (TargetOf(reference) is not { } sha || ReadCommit(sha, $"experiment {experiment.Name} ({Short(sha)})") is not { Content: { } content } commit)
            {
                continue;
            }

            var baseline = ReadCommit(experiment.Baseline, $"commit {Short(experiment.Baseline)}")?.Content;
            var details = CommitDetails(reference.CanonicalName, experiment.Name, sha, commit, content,
                branchByTip.GetValueOrDefault(experiment.Baseline), LabelOf(content.Params, baseline?.Params));
            Runs.Add(_runs.Make(details, content));
        }

        if (_problemCount > MaxProblems)
        {
            Problems.Add(new Problem(_unit.Path, 0, $"{_problemCount - MaxProblems} more problems in files of branches and experiments are not listed", ProblemSeverity.Warning));
        }
    }

    private (List<Reference> Branches, List<(Reference, ExperimentRef)> Experiments) ListRefs(GitLocation git)
    {
        var branches = new List<Reference>();
        var experiments = new List<(Reference, ExperimentRef)>();
        try
        {
            foreach (var reference in _repo.Refs.FromGlob("refs/heads/*"))
            {
                if (reference.CanonicalName.StartsWith("refs/heads/", StringComparison.Ordinal))
                {
                    branches.Add(reference);
                }
            }

            foreach (var reference in _repo.Refs.FromGlob(ExperimentRef.Namespace + "*"))
            {
                if (ExperimentRef.TryParse(reference.CanonicalName) is { } experiment)
                {
                    experiments.Add((reference, experiment));
                }
            }
        }
        catch (LibGit2SharpException e)
        {
            Problems.Add(new Problem(git.CommonDir, 0, "the git refs cannot be listed: " + e.Message));
        }

        branches.Sort((a, b) => string.CompareOrdinal(a.CanonicalName, b.CanonicalName));
        experiments.Sort((a, b) => string.CompareOrdinal(a.Item1.CanonicalName, b.Item1.CanonicalName));
        if (branches.Count + experiments.Count > MaxRefs)
        {
            Problems.Add(new Problem(Path.Join(git.CommonDir, "refs"), 0,
                $"{branches.Count:N0} branches and {experiments.Count:N0} DVC experiments; only the first {MaxRefs:N0} are read", ProblemSeverity.Warning));
            if (branches.Count > MaxRefs)
            {
                branches.RemoveRange(MaxRefs, branches.Count - MaxRefs);
            }

            var room = MaxRefs - branches.Count;
            experiments.RemoveRange(room, experiments.Count - room);
        }

        return (branches, experiments);
    }

    private static RunDetails CommitDetails(string nativeId, string name, string sha, CommitRead commit, ProjectContent content, string? parentId, string? label) => new()
    {
        NativeId = nativeId,
        Name = name,
        Status = RunStatus.Finished,
        ParentId = parentId,
        StartTime = commit.When,
        User = commit.Author,
        Command = content.Command,
        GitCommit = sha,
        // A commit is exactly what it holds.
        GitDirty = false,
        Note = commit.Note,
        Label = label,
    };

    /// <summary>The commit with this sha as a run sees it, or null when there is no such commit. Read once per
    /// commit (or taken from an earlier read); its problems are reported the first time, and only once however
    /// many refs show the same file.</summary>
    private CommitRead? ReadCommit(string sha, string where)
    {
        if (Commits.TryGetValue(sha, out var read))
        {
            return read;
        }

        if (!_known.TryGetValue(sha, out read))
        {
            if (LookUp(sha) is not { } commit)
            {
                return null;
            }

            read = ReadProject(commit);
        }

        Commits[sha] = read;
        foreach (var problem in read.Problems)
        {
            Report(problem, where);
        }

        return read;
    }

    private CommitRead ReadProject(Commit commit)
    {
        ProjectContent? content = null;
        var problems = new List<Problem>();
        try
        {
            var files = new CommitFiles(_unit.Path, commit.Tree, _projectInRepo);
            if (files.IsDirectory(""))
            {
                var layout = ProjectLayout.Of(files, ProjectContentReader.ReadPipeline(files, problems));
                content = layout.IsProject ? ProjectContentReader.Read(files, layout, _unit.WorkspaceRoot, problems, _ct) : null;
            }
        }
        catch (LibGit2SharpException e)
        {
            problems.Add(new Problem(_unit.Path, 0, "cannot be read from git: " + e.Message));
        }

        return new CommitRead(commit.Committer.When.ToUniversalTime(), commit.Author.Name, FirstLine(commit.Message), content, problems);
    }

    private Commit? LookUp(string sha)
    {
        try
        {
            if (!ObjectId.TryParse(sha, out var id))
            {
                return null;
            }

            return _repo.Lookup(id) switch
            {
                Commit commit => commit,
                TagAnnotation tag => tag.Target as Commit,
                _ => null,
            };
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    private void Report(Problem problem, string where)
    {
        if (!_reported.Add((problem.Path, problem.Line, problem.Message)))
        {
            return;
        }

        if (_problemCount++ < MaxProblems)
        {
            Problems.Add(problem with { Message = $"in {where}: {problem.Message}" });
        }
    }

    /// <summary>The sha a ref points at, without loading the object.</summary>
    private static string? TargetOf(Reference reference)
    {
        try
        {
            return reference.ResolveToDirectReference()?.TargetIdentifier;
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    private string? SafeHeadName()
    {
        try
        {
            return _repo.Head?.CanonicalName;
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    /// <summary>"model.conv_units=32 train.lr=0.1": the params that differ from the baseline's, in the
    /// experiment's order, at most a few.</summary>
    private static string? LabelOf(Dictionary<string, string> experiment, Dictionary<string, string>? baseline)
    {
        if (baseline is null)
        {
            return null;
        }

        var changed = experiment.Where(p => !baseline.TryGetValue(p.Key, out var before) || before != p.Value).ToList();
        if (changed.Count == 0)
        {
            return null;
        }

        var shown = string.Join(" ", changed.Take(MaxLabelChanges).Select(p => p.Key + "=" + p.Value));
        return changed.Count > MaxLabelChanges ? shown + " …" : shown;
    }

    private static string? FirstLine(string? message)
    {
        var line = message?.Split('\n', 2)[0].Trim();
        return string.IsNullOrEmpty(line) ? null : line;
    }

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;
}
