using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>Stats files into stamps; a file that is not there is left out, so its appearing changes the list.</summary>
internal static class FileStamps
{
    public static void AddIfPresent(string path, List<FileStamp> into)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Exists)
            {
                into.Add(new FileStamp(info.FullName, info.Length, info.LastWriteTimeUtc.Ticks));
            }
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            // A file that cannot be statted is as good as absent.
        }
    }

    /// <summary>Every file below a folder, in ordinal order, at most <paramref name="max"/>; files ending in
    /// ".lock" are left out (git holds them only while it rewrites a ref).</summary>
    public static void AddFolder(string folder, int max, List<FileStamp> into)
    {
        var found = new List<FileStamp>();
        try
        {
            if (!Directory.Exists(folder))
            {
                return;
            }

            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint, MaxRecursionDepth = 16 };
            foreach (var info in new DirectoryInfo(folder).EnumerateFiles("*", options))
            {
                if (found.Count == max)
                {
                    break;
                }

                if (!info.Name.EndsWith(".lock", StringComparison.Ordinal))
                {
                    found.Add(new FileStamp(info.FullName, info.Length, info.LastWriteTimeUtc.Ticks));
                }
            }
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            // A folder that vanished while listed gives what was listed.
        }

        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        into.AddRange(found);
    }
}
