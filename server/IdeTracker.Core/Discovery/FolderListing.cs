using System.IO.Enumeration;

namespace IdeTracker.Core.Discovery;

/// <summary>What one enumeration of a folder tells the walk: its sub-folders (sorted ordinally) and which
/// marker files it holds. File names are not kept, so a folder of a million images costs little.
/// Telling a link from a folder costs a stat on Unix, so only entries that need it pay: sub-folders when
/// they are wanted, and mlflow.db.</summary>
internal sealed class FolderListing
{
    public const string MetaYaml = "meta.yaml";
    public const string MlflowDatabase = "mlflow.db";

    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    private FolderListing(List<ChildFolder> folders, Markers markers)
    {
        Folders = folders;
        Found = markers;
    }

    [Flags]
    public enum Markers
    {
        None = 0,
        MetaYaml = 1,
        MetricsCsv = 2,
        HparamsYaml = 4,
        EventFile = 8,
        VirtualEnv = 16,
        MlflowDatabase = 32,
        MlflowDatabaseLink = 64,
    }

    public IReadOnlyList<ChildFolder> Folders { get; }

    public Markers Found { get; }

    public bool Has(Markers marker) => (Found & marker) != 0;

    /// <summary>Lists the folder once; <paramref name="withFolders"/> false leaves <see cref="Folders"/> empty
    /// (a run folder is judged by its files alone). Throws the IOException or UnauthorizedAccessException the
    /// file system gives.</summary>
    public static FolderListing Read(string path, bool withFolders)
    {
        var folders = new List<ChildFolder>();
        var markers = Markers.None;
        var entries = withFolders
            ? new FileSystemEnumerable<Entry>(path, static (ref FileSystemEntry e) => Classify(ref e, withFolders: true), Options)
            : new FileSystemEnumerable<Entry>(path, static (ref FileSystemEntry e) => Classify(ref e, withFolders: false), Options);
        foreach (var entry in entries)
        {
            if (entry.Folder is { } folder)
            {
                folders.Add(folder);
            }

            markers |= entry.Marker;
        }

        folders.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new FolderListing(folders, markers);
    }

    private static Entry Classify(ref FileSystemEntry e, bool withFolders)
    {
        var name = e.FileName;
        if (e.IsDirectory)
        {
            var marker = name is "conda-meta" ? Markers.VirtualEnv : Markers.None;
            return new Entry(withFolders ? new ChildFolder(name.ToString(), IsLink(ref e)) : null, marker);
        }

        var found = name switch
        {
            MetaYaml => Markers.MetaYaml,
            "metrics.csv" => Markers.MetricsCsv,
            "hparams.yaml" => Markers.HparamsYaml,
            "pyvenv.cfg" => Markers.VirtualEnv,
            MlflowDatabase => IsLink(ref e) ? Markers.MlflowDatabaseLink : Markers.MlflowDatabase,
            _ when name.StartsWith("events.out.tfevents.", StringComparison.Ordinal) => Markers.EventFile,
            _ => Markers.None,
        };
        return new Entry(null, found);
    }

    private static bool IsLink(ref FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) != 0;

    private readonly record struct Entry(ChildFolder? Folder, Markers Marker);
}
