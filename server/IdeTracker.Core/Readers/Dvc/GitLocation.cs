using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>Where the git repository holding a project folder keeps what the reader stamps and reads: found by
/// walking up from the project to the first ".git" (a folder, or a file pointing at a linked worktree's git
/// folder), as git does. Only stats, plus the one-line .git and commondir files of linked worktrees.</summary>
internal sealed class GitLocation
{
    private const long MaxPointerBytes = 4096;

    private GitLocation(string workTree, string gitDir, string commonDir, string? gitFile)
    {
        WorkTree = workTree;
        GitDir = gitDir;
        CommonDir = commonDir;
        GitFile = gitFile;
    }

    /// <summary>The folder that holds ".git": commit trees are read at the project's path relative to it.</summary>
    public string WorkTree { get; }

    /// <summary>The git folder: HEAD and the index live here.</summary>
    public string GitDir { get; }

    /// <summary>Where refs/ and packed-refs live: the git folder, or for a linked worktree its main repository's.</summary>
    public string CommonDir { get; }

    /// <summary>The ".git" file of a linked worktree or submodule, when ".git" is a file.</summary>
    public string? GitFile { get; }

    public static GitLocation? Find(string projectFolder)
    {
        try
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(projectFolder)); dir is not null; dir = dir.Parent)
            {
                var dotGit = Path.Join(dir.FullName, ".git");
                if (Directory.Exists(dotGit))
                {
                    return new GitLocation(dir.FullName, dotGit, CommonDirOf(dotGit), null);
                }

                if (File.Exists(dotGit))
                {
                    var gitDir = PointedAt(dotGit, dir.FullName, "gitdir:") ?? dotGit;
                    return new GitLocation(dir.FullName, gitDir, CommonDirOf(gitDir), dotGit);
                }
            }
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e) || e is ArgumentException)
        {
            // An unreadable parent ends the search as if there were no repository.
        }

        return null;
    }

    private static string CommonDirOf(string gitDir) =>
        File.Exists(Path.Join(gitDir, "commondir")) ? PointedAt(Path.Join(gitDir, "commondir"), gitDir, prefix: null) ?? gitDir : gitDir;

    /// <summary>The path a one-line pointer file names ("gitdir: ../.git/worktrees/x", or commondir's "../.."),
    /// relative ones taken from <paramref name="baseFolder"/>.</summary>
    private static string? PointedAt(string file, string baseFolder, string? prefix)
    {
        if (new FileInfo(file).Length > MaxPointerBytes)
        {
            return null;
        }

        var text = File.ReadAllText(file).Trim();
        if (prefix is not null)
        {
            if (!text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return null;
            }

            text = text[prefix.Length..].Trim();
        }

        return text.Length == 0 ? null : Path.GetFullPath(Path.Combine(baseFolder, text));
    }
}
