using System.Text;

namespace IdeTracker.Core.Discovery;

/// <summary>The names and marker files that make a folder a run root, shared by the walk and by
/// <see cref="RunDiscovery.FindUnitContaining"/> so both recognise the same units.</summary>
internal static class RunShapes
{
    // An experiment's meta.yaml is small; reading more than this never changes the answer.
    private const int MetaYamlReadLimit = 64 * 1024;

    private static readonly HashSet<string> NotExperiments = new([".trash", "models"], PathComparison.Comparer);

    private static readonly HashSet<string> NotRuns = new(["datasets", "traces", "models", "tags"], PathComparison.Comparer);

    private static readonly HashSet<string> DatabaseFiles =
        new(["mlflow.db", "mlflow.db-wal", "mlflow.db-shm", "mlflow.db-journal"], PathComparison.Comparer);

    /// <summary>Children of a store that hold something other than experiments (deleted ones, the model registry).</summary>
    public static bool IsNotExperiment(string name) => NotExperiments.Contains(name);

    /// <summary>Children of an experiment that hold something other than runs.</summary>
    public static bool IsNotRun(string name) => NotRuns.Contains(name);

    /// <summary>mlflow.db and the files SQLite keeps beside it.</summary>
    public static bool IsDatabaseFile(string name) => DatabaseFiles.Contains(name);

    public static bool IsVersionFolderName(string name)
    {
        const string prefix = "version_";
        if (name.Length <= prefix.Length || !name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name.AsSpan(prefix.Length))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A CSVLogger version folder: version_N with metrics.csv or (a run that never logged) hparams.yaml
    /// alone, or a folder of any name with both (CSVLogger given a version name of its own). A folder with event
    /// files and no metrics.csv is a TensorBoard run.</summary>
    public static bool IsCsvVersion(string name, FolderListing listing) =>
        (IsVersionFolderName(name)
            && (listing.Has(FolderListing.Markers.MetricsCsv)
                || (listing.Has(FolderListing.Markers.HparamsYaml) && !listing.Has(FolderListing.Markers.EventFile))))
        || (listing.Has(FolderListing.Markers.MetricsCsv) && listing.Has(FolderListing.Markers.HparamsYaml));

    /// <summary>MLflow run ids: 32 lower-case hex digits.</summary>
    public static bool LooksLikeRunId(string name) => name.Length == 32 && name.All(char.IsAsciiHexDigitLower);

    /// <summary>An experiment's meta.yaml has an experiment_id line; a run's has one too, but also run_id/run_uuid.</summary>
    public static bool IsExperimentMeta(string metaYamlPath)
    {
        var text = ReadHead(metaYamlPath);
        var hasExperimentId = false;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.StartsWith("experiment_id:", StringComparison.Ordinal))
            {
                hasExperimentId = true;
            }
            else if (line.StartsWith("run_id:", StringComparison.Ordinal) || line.StartsWith("run_uuid:", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return hasExperimentId;
    }

    private static string ReadHead(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[MetaYamlReadLimit];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
