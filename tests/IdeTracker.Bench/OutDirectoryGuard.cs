namespace IdeTracker.Bench;

/// <summary>Hundreds of megabytes of generated runs must never land in the repository.</summary>
internal static class OutDirectoryGuard
{
    public static void EnsureOutsideRepository(string outDirectory)
    {
        for (var dir = new DirectoryInfo(outDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ide-tracker.sln")))
            {
                throw new ArgumentException($"--out {outDirectory} is inside the repository at {dir.FullName}; choose a folder outside it.");
            }
        }
    }
}
