using System.IO.Enumeration;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>Every file an MLflow run depends on, stat'ed and not read: its meta.yaml, its experiment's
/// meta.yaml, and the files under params/, metrics/ and tags/. One recursive enumeration per folder.</summary>
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
        Collect(scan.ParamsFolder, scan.Params, problems);
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

        foreach (var list in (ReadOnlySpan<List<RunFile>>)[Params, Metrics, Tags])
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

    /// <summary>Returns whether the folder existed.</summary>
    private static bool Collect(string folder, List<RunFile> into, List<Problem>? problems)
    {
        if (!Directory.Exists(folder))
        {
            return false;
        }

        var keyStart = folder.Length + 1;
        var files = new FileSystemEnumerable<RunFile>(
            folder,
            (ref FileSystemEntry entry) => new RunFile(
                entry.ToFullPath(), keyStart, entry.Length, entry.LastWriteTimeUtc.UtcTicks),
            Recursive)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
        };

        try
        {
            foreach (var file in files)
            {
                into.Add(file);
            }
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            problems?.Add(FileProblems.From(folder, e));
        }

        return true;
    }
}
