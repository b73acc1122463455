using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Guild;

/// <summary>The files a Guild run's read depends on: its attrs, its opref, the status markers Guild leaves in
/// .guild (PENDING, STAGED, LOCK, LOCK.remote), and every event file anywhere below the run folder, grouped
/// by folder. Listing them stats them; nothing is read.</summary>
internal sealed class GuildRunFiles
{
    public const string GuildFolder = ".guild";
    public const string AttrsFolder = "attrs";
    public const string OpRefFile = "opref";

    /// <summary>Guild's own run-tree walk has no bound; ours stops here and says so.</summary>
    public const int MaxFolders = 10_000;

    public const int MaxDepth = 32;

    public static readonly string[] Markers = ["PENDING", "STAGED", "LOCK", "LOCK.remote"];

    public List<FileStamp> Attrs { get; } = [];

    public FileStamp? OpRef { get; private set; }

    /// <summary>The markers present, by name.</summary>
    public HashSet<string> MarkersPresent { get; } = new(StringComparer.Ordinal);

    public List<FileStamp> MarkerStamps { get; } = [];

    /// <summary>Folders holding event files, by path relative to the run folder ("" for the run folder itself,
    /// "/"-separated), in ordinal order; each folder's files in name order.</summary>
    public SortedDictionary<string, List<FileStamp>> EventFolders { get; } = new(StringComparer.Ordinal);

    public IEnumerable<FileStamp> All =>
        Attrs.Concat(OpRef is { } o ? [o] : []).Concat(MarkerStamps).Concat(EventFolders.Values.SelectMany(f => f));

    /// <summary>Guild counts any file with ".tfevents." in its name as events, except its own ".attrs" logs.</summary>
    public static bool IsEventFile(string name) =>
        name.Contains(".tfevents.", StringComparison.Ordinal) && !name.EndsWith(".attrs", StringComparison.Ordinal);

    /// <summary>Null when the run folder is gone. Folders that cannot be listed, and a tree past the bounds,
    /// add problems when <paramref name="problems"/> is given.</summary>
    public static GuildRunFiles? List(string runFolder, List<Problem>? problems)
    {
        if (!Directory.Exists(runFolder))
        {
            return null;
        }

        var files = new GuildRunFiles();
        var guild = Path.Join(runFolder, GuildFolder);
        foreach (var attr in Stamps(Path.Join(guild, AttrsFolder), problems))
        {
            files.Attrs.Add(attr);
        }

        files.OpRef = StampOf(Path.Join(guild, OpRefFile));
        foreach (var marker in Markers)
        {
            if (StampOf(Path.Join(guild, marker)) is { } stamp)
            {
                files.MarkersPresent.Add(marker);
                files.MarkerStamps.Add(stamp);
            }
        }

        files.FindEventFiles(runFolder, problems);
        return files;
    }

    private void FindEventFiles(string runFolder, List<Problem>? problems)
    {
        var pending = new Queue<(string Path, string Relative, int Depth)>();
        pending.Enqueue((runFolder, "", 0));
        var visited = 0;
        var reportedDepth = false;
        while (pending.TryDequeue(out var folder))
        {
            if (++visited > MaxFolders)
            {
                problems?.Add(new Problem(runFolder, 0, $"more than {MaxFolders:N0} folders below the run; event files further down are not read", ProblemSeverity.Warning));
                return;
            }

            try
            {
                var events = new List<FileStamp>();
                foreach (var entry in new DirectoryInfo(folder.Path).EnumerateFileSystemInfos())
                {
                    // Links are not followed: a linked dependency is another run's (or the data's) tree, and links can loop.
                    if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
                    {
                        continue;
                    }

                    if (entry is DirectoryInfo && folder.Relative == GuildFolder && entry.Name == AttrsFolder)
                    {
                        // Listed above; attrs never hold event files.
                        continue;
                    }

                    if (entry is DirectoryInfo && folder.Depth < MaxDepth)
                    {
                        pending.Enqueue((entry.FullName, folder.Relative.Length == 0 ? entry.Name : folder.Relative + "/" + entry.Name, folder.Depth + 1));
                    }
                    else if (entry is DirectoryInfo && !reportedDepth)
                    {
                        reportedDepth = true;
                        problems?.Add(new Problem(entry.FullName, 0, $"more than {MaxDepth} folders deep below the run; event files further down are not read", ProblemSeverity.Warning));
                    }
                    else if (entry is FileInfo file && IsEventFile(file.Name))
                    {
                        events.Add(new FileStamp(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks));
                    }
                }

                if (events.Count > 0)
                {
                    events.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
                    EventFolders[folder.Relative] = events;
                }
            }
            catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
            {
                problems?.Add(FileProblems.From(folder.Path, e));
            }
        }
    }

    private static IEnumerable<FileStamp> Stamps(string folder, List<Problem>? problems)
    {
        var stamps = new List<FileStamp>();
        try
        {
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
            {
                stamps.Add(new FileStamp(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks));
            }
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            problems?.Add(FileProblems.From(folder, e));
        }

        stamps.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return stamps;
    }

    private static FileStamp? StampOf(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? new FileStamp(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks) : null;
    }
}
