using System.Diagnostics;
using System.Globalization;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Dvc;

/// <summary>A git repository the test generates with the git command line, as DVC users' repositories are made:
/// commits on branches, and DVC experiment refs (refs/exps/&lt;2 hex&gt;/&lt;38 hex&gt;/&lt;name&gt;) pointing at
/// commits made on top of a baseline. Everything in it is generated. Commit times are fixed so tests can
/// check them; git's global and system configuration are kept out.</summary>
internal sealed class GitRepoFixture : IDisposable
{
    public static readonly DateTimeOffset FirstCommitTime = new(2024, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();
    private int _commits;

    public GitRepoFixture(string repoFolder = "repo")
    {
        Repo = _dir.Combine(repoFolder);
        Directory.CreateDirectory(Repo);
        Git("init", "-q", "-b", "main");
    }

    /// <summary>The workspace root the units are made relative to: the temp folder holding the repository.</summary>
    public string Root => _dir.Path;

    public string Repo { get; }

    public string PathOf(string relative) => Path.Combine(Repo, relative);

    public RunUnit UnitOf(string projectRelative)
    {
        var path = projectRelative.Length == 0 ? Repo : PathOf(projectRelative);
        return new RunUnit(UnitFormats.DvcProject, path, path, Root);
    }

    public string Write(string relative, string content)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Copies a folder's files into the repository at <paramref name="relative"/>. The bytes are written
    /// afresh rather than copied with their times and modes: a file keeping an old time and its size would look
    /// unchanged to git's index.</summary>
    public void CopyFrom(string source, string relative)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = PathOf(Path.Combine(relative, Path.GetRelativePath(source, file)));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, File.ReadAllBytes(file));
        }
    }

    public void Delete(string relative)
    {
        var full = PathOf(relative);
        if (Directory.Exists(full))
        {
            Directory.Delete(full, recursive: true);
        }
        else
        {
            File.Delete(full);
        }
    }

    /// <summary>Stages everything and commits; returns the new commit's sha. Each commit is an hour after the last.</summary>
    public string Commit(string message, string author = "Ada Lovelace")
    {
        Git("add", "-A");
        var when = (FirstCommitTime + TimeSpan.FromHours(_commits++)).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        Git(new Dictionary<string, string> { ["GIT_AUTHOR_NAME"] = author, ["GIT_AUTHOR_DATE"] = when, ["GIT_COMMITTER_DATE"] = when }, "commit", "-q", "--allow-empty", "-m", message);
        return Head();
    }

    /// <summary>The time <see cref="Commit"/> gave the n-th commit (0-based).</summary>
    public static DateTimeOffset CommitTime(int n) => FirstCommitTime + TimeSpan.FromHours(n);

    public string Head() => Git("rev-parse", "HEAD").Trim();

    public string Sha(string rev) => Git("rev-parse", rev).Trim();

    public void Checkout(string branch, bool create = false)
    {
        if (create)
        {
            Git("checkout", "-q", "-b", branch);
        }
        else
        {
            Git("checkout", "-q", branch);
        }
    }

    /// <summary>Makes a DVC experiment the way `dvc exp run` leaves it: a commit on top of the baseline that is
    /// on no branch, named by refs/exps/&lt;baseline[:2]&gt;/&lt;baseline[2:]&gt;/&lt;name&gt;. <paramref name="change"/>
    /// edits the files; the checked-out branch is restored afterwards. Returns the experiment's commit.</summary>
    public string Experiment(string baselineRev, string name, Action<GitRepoFixture> change)
    {
        var back = Git("rev-parse", "--abbrev-ref", "HEAD").Trim();
        var baseline = Sha(baselineRev);
        Git("checkout", "-q", "--detach", baseline);
        change(this);
        var commit = Commit("dvc: commit experiment " + name, author: "DVC Bot");
        Git("update-ref", ExperimentRefName(baseline, name), commit);
        Git("checkout", "-q", back);
        return commit;
    }

    public static string ExperimentRefName(string baseline, string name) => $"refs/exps/{baseline[..2]}/{baseline[2..]}/{name}";

    public string Git(params string[] args) => Git(new Dictionary<string, string>(), args);

    public string Git(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = Root;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_AUTHOR_NAME"] = "Ada Lovelace";
        start.Environment["GIT_AUTHOR_EMAIL"] = "ada@example.com";
        start.Environment["GIT_COMMITTER_NAME"] = "Ada Lovelace";
        start.Environment["GIT_COMMITTER_EMAIL"] = "ada@example.com";
        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException("git " + string.Join(' ', args) + " did not finish");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {stderr.Result}");
        }

        return stdout.Result;
    }

    public void Dispose() => _dir.Dispose();
}
