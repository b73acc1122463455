using IdeTracker.Core.Model;
using LibGit2Sharp;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>Opens the repository read-only and answers what the workspace run needs from it: the commit HEAD
/// points at, and whether the project's tracked files differ from it.</summary>
internal static class GitWorkspace
{
    /// <summary>A repository whose index lists more files than this is not checked for changes: the check
    /// stats every tracked file under the project, and a scan must stay cheap.</summary>
    public const int MaxIndexEntriesForDirtyCheck = 50_000;

    public static Repository? Open(GitLocation git, List<Problem> problems)
    {
        try
        {
            return new Repository(git.GitFile is null ? git.GitDir : git.WorkTree);
        }
        catch (LibGit2SharpException e)
        {
            problems.Add(new Problem(git.GitDir, 0, "cannot be opened as a git repository, so branches and experiments are not read: " + e.Message, ProblemSeverity.Warning));
            return null;
        }
    }

    public static string? HeadCommit(Repository repo)
    {
        try
        {
            return repo.Head?.Tip?.Sha;
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    /// <summary>True when a tracked file under the project is modified, staged, deleted or renamed; null when
    /// the repository has no work tree, is too large to check cheaply, or the check fails. Untracked and
    /// ignored files (DVC keeps its data ignored) do not count. libgit2 does not write the index here.</summary>
    public static bool? IsDirty(Repository repo, string projectInRepo)
    {
        try
        {
            if (repo.Info.IsBare || repo.Index.Count > MaxIndexEntriesForDirtyCheck)
            {
                return null;
            }

            var options = new StatusOptions
            {
                Show = StatusShowOption.IndexAndWorkDir,
                IncludeUntracked = false,
                RecurseUntrackedDirs = false,
                IncludeIgnored = false,
                RecurseIgnoredDirs = false,
                ExcludeSubmodules = true,
                DetectRenamesInIndex = false,
                DetectRenamesInWorkDir = false,
                PathSpec = projectInRepo.Length == 0 ? null : [projectInRepo],
            };
            return repo.RetrieveStatus(options).IsDirty;
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }
}
