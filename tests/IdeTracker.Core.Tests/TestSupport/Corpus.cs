namespace IdeTracker.Core.Tests.TestSupport;

/// <summary>Finds the shared corpus of real runs: <c>$IDE_TRACKER_SHARED/corpus</c> when that is set, else
/// <c>../shared/corpus</c> beside the repository, else beside the repository this one was cloned from (a clone
/// in a temp folder has no ../shared of its own, but its origin does).</summary>
public static class Corpus
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Root { get; } = FindCorpus();

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

    private static string FindCorpus()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("IDE_TRACKER_SHARED") is { Length: > 0 } shared)
        {
            candidates.Add(Path.Combine(shared, "corpus"));
        }

        candidates.Add(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));
        if (OriginFolder(RepositoryRoot) is { } origin)
        {
            candidates.Add(Path.Combine(origin, "..", "shared", "corpus"));
        }

        foreach (var candidate in candidates.Select(Path.GetFullPath))
        {
            if (File.Exists(Path.Combine(candidate, "MANIFEST.md")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "the shared corpus (corpus/MANIFEST.md) is in none of: " + string.Join(", ", candidates.Select(Path.GetFullPath))
            + "; set IDE_TRACKER_SHARED to the folder that holds it");
    }

    /// <summary>The folder of the "origin" remote when it is a path on this machine (a local clone), else null.</summary>
    private static string? OriginFolder(string repository)
    {
        var config = Path.Combine(repository, ".git", "config");
        if (!File.Exists(config))
        {
            return null;
        }

        var inOrigin = false;
        foreach (var raw in File.ReadLines(config))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                inOrigin = line == "[remote \"origin\"]";
            }
            else if (inOrigin && line.StartsWith("url", StringComparison.Ordinal) && line.IndexOf('=') is var eq and > 0)
            {
                var url = line[(eq + 1)..].Trim();
                url = url.StartsWith("file://", StringComparison.Ordinal) ? url["file://".Length..] : url;
                return Path.IsPathRooted(url) && Directory.Exists(url) ? url : null;
            }
        }

        return null;
    }
}
