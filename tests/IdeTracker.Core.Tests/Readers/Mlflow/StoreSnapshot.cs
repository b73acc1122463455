namespace IdeTracker.Core.Tests.Readers.Mlflow;

/// <summary>Every file and folder under a root with its size and modification time, to prove a reader
/// wrote, created and touched nothing.</summary>
public static class StoreSnapshot
{
    public static List<string> Of(string root)
    {
        var entries = new List<string>();
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions
                 {
                     RecurseSubdirectories = true,
                     AttributesToSkip = 0,
                 }))
        {
            var info = new FileInfo(path);
            var size = info.Exists ? info.Length : -1;
            entries.Add($"{Path.GetRelativePath(root, path)} {size} {File.GetLastWriteTimeUtc(path).Ticks}");
        }

        entries.Sort(StringComparer.Ordinal);
        return entries;
    }
}
