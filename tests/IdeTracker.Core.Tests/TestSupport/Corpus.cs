namespace IdeTracker.Core.Tests.TestSupport;

/// <summary>Finds the shared corpus of real runs (../shared/corpus beside the repository).</summary>
public static class Corpus
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Root { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ide-tracker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ide-tracker.sln not found above " + AppContext.BaseDirectory);
    }
}
