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

    private FolderListing(List<ChildFolder> folders, Markers markers, List<string>? metricLogCandidates)
    {
        Folders = folders;
        Found = markers;
        MetricLogCandidates = metricLogCandidates ?? (IReadOnlyList<string>)[];
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
        RunJson = 128,
        ConfigJson = 256,
        HydraYaml = 512,
        ConfigYaml = 1024,
        MultirunYaml = 2048,
        DvcYaml = 4096,
        WandbLog = 8192,
        MetricsJson = 16384,
        MetricLogCandidate = 32768,
    }

    public IReadOnlyList<ChildFolder> Folders { get; }

    /// <summary>Names of files that may be metric logs (.csv, .tsv, .jsonl, .ndjson, .log), sorted ordinally;
    /// only these names are kept, so a folder of a million images still costs little.</summary>
    public IReadOnlyList<string> MetricLogCandidates { get; }

    /// <summary>Whether a sub-folder of this name is listed.</summary>
    public bool HasFolder(string name)
    {
        foreach (var folder in Folders)
        {
            if (string.Equals(folder.Name, name, PathComparison.Comparison))
            {
                return true;
            }
        }

        return false;
    }

    public Markers Found { get; }

    public bool Has(Markers marker) => (Found & marker) != 0;

    /// <summary>Lists the folder once; <paramref name="withFolders"/> false leaves <see cref="Folders"/> empty
    /// (a run folder is judged by its files alone). Throws the IOException or UnauthorizedAccessException the
    /// file system gives.</summary>
    public static FolderListing Read(string path, bool withFolders)
    {
        var folders = new List<ChildFolder>();
        List<string>? candidates = null;
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

            if (entry.CandidateName is { } candidate)
            {
                (candidates ??= []).Add(candidate);
            }

            markers |= entry.Marker;
        }

        folders.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        candidates?.Sort(StringComparer.Ordinal);
        return new FolderListing(folders, markers, candidates);
    }

    /// <summary>File names that may hold a metric log, judged by their ending alone.</summary>
    public static bool IsMetricLogCandidate(ReadOnlySpan<char> name) =>
        name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".log", StringComparison.OrdinalIgnoreCase);

    private static Entry Classify(ref FileSystemEntry e, bool withFolders)
    {
        var name = e.FileName;
        if (e.IsDirectory)
        {
            var marker = name is "conda-meta" ? Markers.VirtualEnv : Markers.None;
            return new Entry(withFolders ? new ChildFolder(name.ToString(), IsLink(ref e)) : null, marker, null);
        }

        var found = name switch
        {
            MetaYaml => Markers.MetaYaml,
            "metrics.csv" => Markers.MetricsCsv | Markers.MetricLogCandidate,
            "hparams.yaml" => Markers.HparamsYaml,
            "pyvenv.cfg" => Markers.VirtualEnv,
            MlflowDatabase => IsLink(ref e) ? Markers.MlflowDatabaseLink : Markers.MlflowDatabase,
            "run.json" => Markers.RunJson,
            "config.json" => Markers.ConfigJson,
            "hydra.yaml" => Markers.HydraYaml,
            "config.yaml" => Markers.ConfigYaml,
            "multirun.yaml" => Markers.MultirunYaml,
            "dvc.yaml" => Markers.DvcYaml,
            "metrics.json" => Markers.MetricsJson,
            _ when name.StartsWith("events.out.tfevents.", StringComparison.Ordinal) => Markers.EventFile,
            _ when name.EndsWith(".wandb", StringComparison.Ordinal) => Markers.WandbLog,
            _ when IsMetricLogCandidate(name) => Markers.MetricLogCandidate,
            _ => Markers.None,
        };
        return new Entry(null, found, (found & Markers.MetricLogCandidate) != 0 ? name.ToString() : null);
    }

    private static bool IsLink(ref FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) != 0;

    private readonly record struct Entry(ChildFolder? Folder, Markers Marker, string? CandidateName);
}
