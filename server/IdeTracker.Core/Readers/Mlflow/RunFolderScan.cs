using System.IO.Enumeration;
using IdeTracker.Core.Model;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>Every file an MLflow run depends on, stat'ed and not read: its meta.yaml, its experiment's
/// meta.yaml, and the files under params/, metrics/ and tags/. One recursive enumeration per folder.
/// Params are stamped by their folders only: MLflow never changes a logged param (it refuses to), so a
/// param can only appear, and that changes its folder's time. Metrics grow and tags are rewritten in
/// place, so each of those files is stat'ed. This halves the stats of a warm scan.</summary>
internal sealed class RunFolderScan
{
    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        // MLflow lists hidden files too (os.walk), so a key starting with a dot is still a key.
        AttributesToSkip = 0,
    };

    private RunFolderScan(string runFolder)
    {
        runFolder = Path.TrimEndingDirectorySeparator(runFolder);
        RunFolder = runFolder;
        MetaPath = Path.Combine(runFolder, "meta.yaml");
        ExperimentFolder = Path.GetDirectoryName(runFolder) ?? runFolder;
        ExperimentMetaPath = Path.Combine(ExperimentFolder, "meta.yaml");
        ParamsFolder = Path.Combine(runFolder, "params");
        MetricsFolder = Path.Combine(runFolder, "metrics");
        TagsFolder = Path.Combine(runFolder, "tags");
    }

    public string RunFolder { get; }

    public string MetaPath { get; }

    public string ExperimentFolder { get; }

    public string ExperimentMetaPath { get; }

    public string ParamsFolder { get; }

    public string MetricsFolder { get; }

    public string TagsFolder { get; }

    public FileStamp? Meta { get; private set; }

    public FileStamp? ExperimentMeta { get; private set; }

    public List<RunFile> Params { get; } = [];

    /// <summary>The params folder and its sub-folders, which stand for the params in the stamps.</summary>
    public List<FileStamp> ParamFolders { get; } = [];

    public List<RunFile> Metrics { get; } = [];

    public List<RunFile> Tags { get; } = [];

    public bool HasMetricsFolder { get; private set; }

    /// <summary>Stats everything; a folder that is missing or vanishes midway adds a problem when
    /// <paramref name="problems"/> is given and is otherwise treated as empty.</summary>
    public static RunFolderScan Of(string runFolder, List<Problem>? problems)
    {
        var scan = new RunFolderScan(runFolder);
        scan.Meta = StampOf(scan.MetaPath);
        scan.ExperimentMeta = StampOf(scan.ExperimentMetaPath);

        // Stamping alone (no problems wanted) needs only the params folders, not the param files in them.
        Collect(scan.ParamsFolder, scan.Params, problems, scan.ParamFolders, foldersOnly: problems is null);
        scan.HasMetricsFolder = Collect(scan.MetricsFolder, scan.Metrics, problems);
        Collect(scan.TagsFolder, scan.Tags, problems);
        return scan;
    }

    public void AddStampsTo(List<FileStamp> stamps)
    {
        if (Meta is { } meta)
        {
            stamps.Add(meta);
        }

        if (ExperimentMeta is { } experimentMeta)
        {
            stamps.Add(experimentMeta);
        }

        stamps.AddRange(ParamFolders);
        foreach (var list in (ReadOnlySpan<List<RunFile>>)[Metrics, Tags])
        {
            foreach (var file in list)
            {
                stamps.Add(file.Stamp);
            }
        }
    }

    private static FileStamp? StampOf(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(path, info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }

    /// <summary>Returns whether the folder existed. With <paramref name="folders"/>, the files are listed
    /// without being stat'ed and the folders are stamped instead.</summary>
    private static bool Collect(string folder, List<RunFile> into, List<Problem>? problems, List<FileStamp>? folders = null, bool foldersOnly = false)
    {
        var keyStart = folder.Length + 1;
        var stampFolders = folders is not null;
        try
        {
            var entries = new FileSystemEnumerable<(RunFile File, bool IsFolder)>(
                folder,
                (ref FileSystemEntry entry) => entry.IsDirectory
                    ? (new RunFile(entry.ToFullPath(), keyStart, 0, entry.LastWriteTimeUtc.UtcTicks), true)
                    : stampFolders
                        ? (new RunFile(entry.ToFullPath(), keyStart, -1, 0), false)
                        : (new RunFile(entry.ToFullPath(), keyStart, entry.Length, entry.LastWriteTimeUtc.UtcTicks), false),
                Recursive)
            {
                // On Linux an entry's type comes with the listing; only reading its size or time costs a stat.
                ShouldIncludePredicate = foldersOnly
                    ? (ref FileSystemEntry entry) => entry.IsDirectory
                    : (ref FileSystemEntry entry) => stampFolders || !entry.IsDirectory,
            };

            using var enumerator = entries.GetEnumerator();
            if (folders is not null)
            {
                // Taken once the listing opened the folder, so a missing folder has already thrown.
                folders.Add(new FileStamp(folder, 0, Directory.GetLastWriteTimeUtc(folder).Ticks));
            }

            while (enumerator.MoveNext())
            {
                var (file, isFolder) = enumerator.Current;
                if (isFolder)
                {
                    folders?.Add(file.Stamp);
                }
                else
                {
                    into.Add(file);
                }
            }
        }
        catch (DirectoryNotFoundException) when (into.Count == 0 && (folders is null || folders.Count == 0))
        {
            return false;
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            problems?.Add(FileProblems.From(folder, e));
        }

        return true;
    }
}
