namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Where the files of a W&amp;B run folder (wandb/run-&lt;date&gt;_&lt;time&gt;-&lt;id&gt; or
/// wandb/offline-run-…) are, and which of them exist now. Finding them stats, it reads nothing.</summary>
internal sealed class WandbRunFolder
{
    public const string ConfigFileName = "config.yaml";
    public const string SummaryFileName = "wandb-summary.json";
    public const string MetadataFileName = "wandb-metadata.json";
    public const string RequirementsFileName = "requirements.txt";
    public const string DiffFileName = "diff.patch";

    private WandbRunFolder(string path, string folderId, FileInfo? log, FileInfo config, FileInfo summary, FileInfo metadata, FileInfo requirements, FileInfo diff)
    {
        Path = path;
        FolderId = folderId;
        Log = log;
        Config = config;
        Summary = summary;
        Metadata = metadata;
        Requirements = requirements;
        Diff = diff;
    }

    public string Path { get; }

    /// <summary>The run id the folder's name ends with ("ruzz7bps" in run-20230329_020146-ruzz7bps).</summary>
    public string FolderId { get; }

    /// <summary>run-&lt;id&gt;.wandb, or the folder's only other *.wandb; null when there is none.</summary>
    public FileInfo? Log { get; }

    public FileInfo Config { get; }

    public FileInfo Summary { get; }

    public FileInfo Metadata { get; }

    public FileInfo Requirements { get; }

    public FileInfo Diff { get; }

    /// <summary>Every file whose change must lead to a new read, the log first: output.log is not among them,
    /// as it is never read (it can be huge, and holds nothing the run model keeps).</summary>
    public IEnumerable<FileInfo> Stamped => new[] { Log, Config, Summary, Metadata, Requirements, Diff }.OfType<FileInfo>().Where(f => f.Exists);

    public static WandbRunFolder Find(string path)
    {
        var folderId = IdOf(System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(path)));
        var files = System.IO.Path.Join(path, "files");
        return new WandbRunFolder(
            path,
            folderId,
            FindLog(path, folderId),
            new FileInfo(System.IO.Path.Join(files, ConfigFileName)),
            new FileInfo(System.IO.Path.Join(files, SummaryFileName)),
            new FileInfo(System.IO.Path.Join(files, MetadataFileName)),
            new FileInfo(System.IO.Path.Join(files, RequirementsFileName)),
            new FileInfo(System.IO.Path.Join(files, DiffFileName)));
    }

    /// <summary>"run-20230329_020146-ruzz7bps" → "ruzz7bps". Everything after the time is the id, since an id
    /// given to wandb.init may itself contain "-".</summary>
    public static string IdOf(string folderName)
    {
        string? rest = folderName.StartsWith("offline-run-", StringComparison.Ordinal) ? folderName["offline-run-".Length..]
            : folderName.StartsWith("run-", StringComparison.Ordinal) ? folderName["run-".Length..]
            : null;
        var dash = rest?.IndexOf('-') ?? -1;
        return rest is not null && dash >= 0 && dash + 1 < rest.Length ? rest[(dash + 1)..] : folderName;
    }

    private static FileInfo? FindLog(string path, string folderId)
    {
        var expected = new FileInfo(System.IO.Path.Join(path, $"run-{folderId}.wandb"));
        if (expected.Exists)
        {
            return expected;
        }

        try
        {
            return new DirectoryInfo(path).EnumerateFiles("*.wandb").OrderBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
