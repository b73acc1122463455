using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Discovery;

/// <summary>Finds the run units under a workspace: MLflow file-store run folders, mlflow.db files and
/// Lightning CSVLogger version folders. Safe to use from several threads; each call walks on its own.</summary>
public sealed class RunDiscovery : IdeTracker.Core.Indexing.IUnitDiscovery
{
    private readonly ExcludeRules _exclude;
    private readonly Func<string, bool, FolderListing> _listFolder;

    public RunDiscovery(DiscoveryOptions options)
        : this(options, FolderListing.Read)
    {
    }

    /// <summary>Tests pass a listing that fails for chosen folders, the way a permission error or a
    /// concurrent delete does, which cannot be staged on disk when the tests run as root.</summary>
    internal RunDiscovery(DiscoveryOptions options, Func<string, bool, FolderListing> listFolder)
    {
        _exclude = new ExcludeRules(options.ExcludeGlobs);
        _listFolder = listFolder;
    }

    /// <summary>All units under <paramref name="workspaceRoot"/>, with absolute paths. Folders that cannot be
    /// read become problems and the walk carries on. Throws only <see cref="OperationCanceledException"/>.</summary>
    public DiscoveryResult Discover(string workspaceRoot, CancellationToken ct) =>
        new DiscoveryWalk(PathComparison.Normalise(workspaceRoot), _exclude, _listFolder).Run(ct);

    /// <summary>The unit that holds <paramref name="path"/> (a file or folder, which may no longer exist),
    /// or null when the path is outside every unit or outside the workspace.</summary>
    public RunUnit? FindUnitContaining(string workspaceRoot, string path) => new UnitLocator(_exclude).Find(workspaceRoot, path);
}
