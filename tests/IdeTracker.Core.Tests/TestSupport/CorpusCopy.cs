namespace IdeTracker.Core.Tests.TestSupport;

/// <summary>Copies a folder of the read-only shared corpus into a test's scratch folder, for tests that index
/// it (the index never writes into runs, but a workspace under test may get a <c>.ide-tracker</c> folder).</summary>
public static class CorpusCopy
{
    /// <summary>Copies <paramref name="corpusFolder"/> (relative to the corpus root) to <paramref name="destination"/>.</summary>
    public static string Copy(string corpusFolder, string destination)
    {
        CopyTree(Corpus.PathOf(corpusFolder), destination);
        return destination;
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
