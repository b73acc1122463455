using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using static IdeTracker.Core.Discovery.FolderListing;

namespace IdeTracker.Core.Discovery;

/// <summary>One walk of a workspace: an explicit stack of folders, each listed exactly once. A folder's
/// children are listed before the folder is judged, because a store is recognised by its children
/// (experiment folders with an experiment meta.yaml) and is then entered only to the run level.</summary>
internal sealed class DiscoveryWalk
{
    private readonly string _root;
    private readonly ExcludeRules _exclude;
    private readonly Func<string, bool, FolderListing> _listFolder;
    private readonly Func<string, bool>? _isMetricLog;
    private readonly bool _insideUnit;
    private readonly Stack<WalkItem> _pending = new();
    private readonly List<WalkItem> _links = [];
    private readonly HashSet<string> _visited = new(PathComparison.Comparer);
    private readonly List<RunUnit> _units = [];
    private readonly List<Problem> _problems = [];
    private string _realRoot = "";

    /// <param name="isMetricLog">Tells a metric log from other .csv/.tsv/.jsonl/.log files; null finds none.</param>
    /// <param name="insideUnit">The root is a Hydra job whose loggers are wanted: it is not itself taken as one.</param>
    public DiscoveryWalk(string root, ExcludeRules exclude, Func<string, bool, FolderListing> listFolder, Func<string, bool>? isMetricLog, bool insideUnit)
    {
        _root = root;
        _exclude = exclude;
        _listFolder = listFolder;
        _isMetricLog = isMetricLog;
        _insideUnit = insideUnit;
    }

    public DiscoveryResult Run(CancellationToken cancellationToken)
    {
        var realRoot = RealPaths.Resolve(_root);
        if (realRoot is null)
        {
            _problems.Add(new Problem(_root, 0, "the workspace folder is a broken or looping symbolic link", ProblemSeverity.Warning));
            return new DiscoveryResult(_units, _problems);
        }

        _realRoot = realRoot;
        _pending.Push(new WalkItem(WalkRole.Folder, _root, realRoot, null, null));
        while (true)
        {
            while (_pending.TryPop(out var item))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Visit(item, cancellationToken);
            }

            if (_links.Count == 0)
            {
                break;
            }

            FollowLinks();
        }

        return new DiscoveryResult(_units, _problems);
    }

    // Links wait until every real folder has been walked, so a run is reported under its own path and a
    // "latest" link to it is then skipped as already visited.
    private void FollowLinks()
    {
        for (var i = _links.Count - 1; i >= 0; i--)
        {
            var link = _links[i];
            var real = RealPaths.Resolve(link.Path);
            if (real is null)
            {
                continue;
            }

            if (!PathComparison.IsSameOrBelow(_realRoot, real))
            {
                _problems.Add(new Problem(link.Path, 0, $"not followed: the symbolic link leads outside the workspace, to {real}", ProblemSeverity.Information));
                continue;
            }

            if (!IsExcludedTarget(real, link.Role))
            {
                _pending.Push(link with { RealPath = real });
            }
        }

        _links.Clear();
    }

    /// <summary>A link is not a way into what the walk prunes (.git, a virtualenv by name, an exclude glob).</summary>
    private bool IsExcludedTarget(string realPath, WalkRole role)
    {
        var segments = PathComparison.RelativeBelow(_realRoot, realPath).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var folderCount = role == WalkRole.Database ? segments.Length - 1 : segments.Length;
        for (var i = 0; i < folderCount; i++)
        {
            if (_exclude.ExcludesFolder(string.Join('/', segments, 0, i + 1), segments[i]))
            {
                return true;
            }
        }

        return role == WalkRole.Database && _exclude.ExcludesFile(string.Join('/', segments));
    }

    private void Visit(WalkItem item, CancellationToken cancellationToken)
    {
        if (!_visited.Add(item.RealPath!))
        {
            return;
        }

        if (item.Role == WalkRole.Database)
        {
            Emit(UnitFormats.MlflowDatabase, item.Path, item.Path);
            return;
        }

        if (item.Role == WalkRole.RunCandidate)
        {
            // A run folder is judged by its meta.yaml alone: one stat, not a listing (open, read, close).
            if (File.Exists(Path.Join(item.Path, MetaYaml)))
            {
                Emit(UnitFormats.MlflowFileRun, item.Path, item.StorePath!);
            }

            return;
        }

        var listing = item.Listing ?? TryList(item.Path, withFolders: true);
        if (listing is null)
        {
            return;
        }

        switch (item.Role)
        {
            case WalkRole.Folder:
                VisitFolder(item, listing, cancellationToken);
                break;
            case WalkRole.Experiment:
                VisitExperiment(item, listing);
                break;
        }
    }

    private void VisitFolder(WalkItem item, FolderListing listing, CancellationToken cancellationToken)
    {
        var isRoot = item.Path == _root;
        if (listing.Has(Markers.VirtualEnv) && !isRoot)
        {
            return;
        }

        var name = Path.GetFileName(item.Path);
        if (RunShapes.IsCsvVersion(name, listing))
        {
            var experimentFolder = Path.GetDirectoryName(item.Path) ?? item.Path;
            Emit(UnitFormats.LightningCsvVersion, item.Path, Path.GetDirectoryName(experimentFolder) ?? experimentFolder);
            return;
        }

        if (listing.Has(Markers.MlflowDatabase | Markers.MlflowDatabaseLink))
        {
            AddDatabase(item, listing);
        }

        var children = new List<WalkItem>(listing.Folders.Count);
        var childListings = new Dictionary<string, FolderListing>(PathComparison.Comparer);
        var isStore = false;
        foreach (var child in listing.Folders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Join(item.Path, child.Name);
            if (_exclude.ExcludesFolder(PathComparison.RelativeBelow(_root, path), child.Name))
            {
                continue;
            }

            if (child.IsLink)
            {
                children.Add(new WalkItem(WalkRole.Folder, path, null, null, null));
                continue;
            }

            var childListing = TryList(path, withFolders: true);
            if (childListing is null)
            {
                continue;
            }

            childListings[child.Name] = childListing;
            isStore = isStore || (childListing.Has(Markers.MetaYaml) && IsExperimentFolder(path));
            children.Add(new WalkItem(WalkRole.Folder, path, Path.Join(item.RealPath, child.Name), null, childListing));
        }

        FolderListing? ChildListing(string childName) => childListings.GetValueOrDefault(childName);

        if (FolderKinds.OwningFormat(name, listing, ChildListing, hydraAllowed: !(isRoot && _insideUnit)) is { } owning)
        {
            _units.Add(FolderKinds.OwningUnit(owning, item.Path, _root));
            return;
        }

        if (listing.Has(Markers.MultirunYaml))
        {
            _units.Add(FolderKinds.SweepUnit(item.Path, _root));
        }

        var isDvcProject = FolderKinds.IsDvcProject(listing, ChildListing);
        if (isDvcProject)
        {
            _units.Add(FolderKinds.DvcUnit(item.Path, _root));
        }

        if (listing.Has(Markers.EventFile))
        {
            _units.Add(FolderKinds.TensorBoardUnit(item.Path, _root));
        }

        AddMetricLogs(item.Path, listing);

        var holdsSacredRuns = childListings.Values.Any(l => l.Has(Markers.RunJson) && l.Has(Markers.ConfigJson));
        if (isDvcProject || holdsSacredRuns)
        {
            children.RemoveAll(c => FolderKinds.IsPartOfUnitAbove(Path.GetFileName(c.Path), listing, isDvcProject, holdsSacredRuns));
        }

        if (isStore)
        {
            // Nothing below a store is walked except its experiments and their runs: artifacts hold meta.yaml files too.
            children = children
                .Where(c => !RunShapes.IsNotExperiment(Path.GetFileName(c.Path)))
                .Select(c => c with { Role = WalkRole.Experiment, StorePath = item.Path })
                .ToList();
        }

        Push(children);
    }

    private void AddMetricLogs(string folder, FolderListing listing)
    {
        if (_isMetricLog is null)
        {
            return;
        }

        foreach (var candidate in listing.MetricLogCandidates)
        {
            var path = Path.Join(folder, candidate);
            if (!_exclude.ExcludesFile(PathComparison.RelativeBelow(_root, path)) && IsMetricLog(path))
            {
                _units.Add(FolderKinds.MetricLogUnit(path, _root));
            }
        }
    }

    /// <summary>The sniffer reads the head of a file another process may be writing or deleting; whatever
    /// goes wrong there only means the file is not taken as a metric log.</summary>
    private bool IsMetricLog(string path)
    {
        try
        {
            return _isMetricLog!(path);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _problems.Add(new Problem(path, 0, "could not tell whether this is a metric log: " + ex.Message, ProblemSeverity.Information));
            return false;
        }
    }

    private void VisitExperiment(WalkItem item, FolderListing listing)
    {
        // MLflow skips an experiment folder without meta.yaml; so do we.
        if (!listing.Has(Markers.MetaYaml))
        {
            return;
        }

        var children = new List<WalkItem>(listing.Folders.Count);
        foreach (var child in listing.Folders)
        {
            var path = Path.Join(item.Path, child.Name);
            if (RunShapes.IsNotRun(child.Name) || _exclude.ExcludesFolder(PathComparison.RelativeBelow(_root, path), child.Name))
            {
                continue;
            }

            var realPath = child.IsLink ? null : Path.Join(item.RealPath, child.Name);
            children.Add(new WalkItem(WalkRole.RunCandidate, path, realPath, item.StorePath, null));
        }

        Push(children);
    }

    private void AddDatabase(WalkItem item, FolderListing listing)
    {
        var path = Path.Join(item.Path, MlflowDatabase);
        if (_exclude.ExcludesFile(PathComparison.RelativeBelow(_root, path)))
        {
            return;
        }

        if (listing.Has(Markers.MlflowDatabaseLink))
        {
            _links.Add(new WalkItem(WalkRole.Database, path, null, null, null));
        }
        else if (_visited.Add(Path.Join(item.RealPath, MlflowDatabase)))
        {
            Emit(UnitFormats.MlflowDatabase, path, path);
        }
    }

    /// <summary>Real children go on the stack so they pop in ordinal order; links wait for <see cref="FollowLinks"/>.</summary>
    private void Push(List<WalkItem> children)
    {
        foreach (var child in children)
        {
            if (child.RealPath is null)
            {
                _links.Add(child);
            }
        }

        for (var i = children.Count - 1; i >= 0; i--)
        {
            if (children[i].RealPath is not null)
            {
                _pending.Push(children[i]);
            }
        }
    }

    private bool IsExperimentFolder(string folder)
    {
        var metaYaml = Path.Join(folder, MetaYaml);
        try
        {
            return RunShapes.IsExperimentMeta(metaYaml);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _problems.Add(new Problem(metaYaml, 0, "cannot be read: " + ex.Message, ProblemSeverity.Warning));
            return false;
        }
    }

    private FolderListing? TryList(string path, bool withFolders)
    {
        try
        {
            return _listFolder(path, withFolders);
        }
        catch (DirectoryNotFoundException)
        {
            _problems.Add(new Problem(path, 0, "folder vanished while it was being scanned", ProblemSeverity.Warning));
        }
        catch (UnauthorizedAccessException)
        {
            _problems.Add(new Problem(path, 0, "folder cannot be read: permission denied", ProblemSeverity.Warning));
        }
        catch (IOException ex)
        {
            _problems.Add(new Problem(path, 0, "folder cannot be read: " + ex.Message, ProblemSeverity.Warning));
        }

        return null;
    }

    private void Emit(string format, string path, string storePath) => _units.Add(new RunUnit(format, path, storePath, _root));
}
