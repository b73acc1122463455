using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>Stamps of the event files directly in one folder, in ordinal name order (the order restarts wrote them).</summary>
internal static class EventFolderListing
{
    /// <summary>Null, with a problem, when the folder cannot be listed; empty when it is gone.</summary>
    public static List<FileStamp>? Stamps(string folder, List<Problem>? problems, Func<string, bool>? isEventFile = null)
    {
        isEventFile ??= EventFileName.IsEventFile;
        var stamps = new List<FileStamp>();
        try
        {
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
            {
                if (isEventFile(file.Name))
                {
                    stamps.Add(new FileStamp(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks));
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            return stamps;
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            problems?.Add(FileProblems.From(folder, e));
            return null;
        }

        stamps.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return stamps;
    }
}
