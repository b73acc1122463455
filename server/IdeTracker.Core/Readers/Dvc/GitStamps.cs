namespace IdeTracker.Core.Readers.Dvc;

/// <summary>The git files whose change means the list of branch and experiment runs may have changed: HEAD,
/// packed-refs, and every loose ref under refs/heads and refs/exps (a new branch or experiment adds a file).
/// Objects are never stamped: a ref is what moves when a commit is added.</summary>
internal static class GitStamps
{
    /// <summary>More loose refs than this are not stamped; a change among the rest is seen with the next change to one stamped.</summary>
    public const int MaxRefFiles = 20_000;

    public static List<FileStamp> Of(GitLocation git)
    {
        var stamps = new List<FileStamp>();
        if (git.GitFile is { } gitFile)
        {
            FileStamps.AddIfPresent(gitFile, stamps);
        }

        FileStamps.AddIfPresent(Path.Join(git.GitDir, "HEAD"), stamps);
        FileStamps.AddIfPresent(Path.Join(git.CommonDir, "packed-refs"), stamps);
        FileStamps.AddFolder(Path.Join(git.CommonDir, "refs", "heads"), MaxRefFiles, stamps);
        FileStamps.AddFolder(Path.Join(git.CommonDir, "refs", "exps"), MaxRefFiles, stamps);
        return stamps;
    }
}
