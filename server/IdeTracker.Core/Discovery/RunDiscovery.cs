using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Discovery;

/// <summary>Finds the run units under a workspace: MLflow file-store run folders, mlflow.db files and
/// Lightning CSVLogger version folders. Safe to use from several threads; each call walks on its own.</summary>
public sealed class RunDiscovery : IdeTracker.Core.Indexing.IUnitDiscovery
{
    private readonly ExcludeRules _exclude;
    private readonly Func<string, bool, FolderListing> _listFolder;
    private readonly Func<string, bool>? _isMetricLog;

    /// <param name="isMetricLog">Tells a metric log (Keras CSVLogger, a CSV/TSV/JSONL with a step column) from any
    /// other .csv/.tsv/.jsonl/.log file; null takes none of them as runs.</param>
    public RunDiscovery(DiscoveryOptions options, Func<string, bool>? isMetricLog = null)
        : this(options, FolderListing.Read, isMetricLog)
    {
    }

    /// <summary>Tests pass a listing that fails for chosen folders, the way a permission error or a
    /// concurrent delete does, which cannot be staged on disk when the tests run as root.</summary>
    internal RunDiscovery(DiscoveryOptions options, Func<string, bool, FolderListing> listFolder, Func<string, bool>? isMetricLog = null)
    {
        _exclude = new ExcludeRules(options.ExcludeGlobs);
        _listFolder = listFolder;
        _isMetricLog = isMetricLog;
    }

    /// <summary>All units under <paramref name="workspaceRoot"/>, with absolute paths. Folders that cannot be
    /// read become problems and the walk carries on. Throws only <see cref="OperationCanceledException"/>.</summary>
    public DiscoveryResult Discover(string workspaceRoot, CancellationToken ct) =>
        new DiscoveryWalk(PathComparison.Normalise(workspaceRoot), _exclude, _listFolder, _isMetricLog, insideUnit: false).Run(ct);

    /// <summary>The units inside a Hydra job folder (the loggers that wrote into it), found as if the job were a
    /// workspace of its own that is not itself a job; their <see cref="RunUnit.WorkspaceRoot"/> is
    /// <paramref name="workspaceRoot"/>, so ids made from them are those of the real workspace.</summary>
    public DiscoveryResult DiscoverInside(string unitFolder, string workspaceRoot, CancellationToken ct)
    {
        var found = new DiscoveryWalk(PathComparison.Normalise(unitFolder), _exclude, _listFolder, _isMetricLog, insideUnit: true).Run(ct);
        var root = PathComparison.Normalise(workspaceRoot);
        return found with { Units = [.. found.Units.Select(u => u with { WorkspaceRoot = root })] };
    }

    /// <summary>The unit that holds <paramref name="path"/> (a file or folder, which may no longer exist),
    /// or null when the path is outside every unit or outside the workspace.</summary>
    public RunUnit? FindUnitContaining(string workspaceRoot, string path) => new UnitLocator(_exclude, _isMetricLog).Find(workspaceRoot, path);
}
