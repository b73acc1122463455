using IdeTracker.Core.Readers;
using static IdeTracker.Core.Discovery.FolderListing;

namespace IdeTracker.Core.Discovery;

/// <summary>Finds the unit a changed path belongs to by going down from the workspace root along the path and
/// applying the walk's rules (<see cref="FolderKinds"/>, <see cref="RunShapes"/>) at each folder. Where the path
/// no longer exists, its shape decides.</summary>
internal sealed class UnitLocator
{
    private readonly ExcludeRules _exclude;
    private readonly Func<string, bool>? _isMetricLog;

    public UnitLocator(ExcludeRules exclude, Func<string, bool>? isMetricLog)
    {
        _exclude = exclude;
        _isMetricLog = isMetricLog;
    }

    public RunUnit? Find(string workspaceRoot, string path)
    {
        var root = PathComparison.Normalise(workspaceRoot);
        var full = PathComparison.Normalise(path);
        if (!PathComparison.IsSameOrBelow(root, full))
        {
            return null;
        }

        var relative = PathComparison.RelativeBelow(root, full);
        var segments = relative.Length == 0 ? [] : relative.Split('/');
        var folder = root;
        for (var depth = 0; ; depth++)
        {
            var name = Path.GetFileName(folder);
            if (depth > 0 && _exclude.ExcludesFolder(RelativeOf(segments, depth), name))
            {
                return null;
            }

            var listing = TryList(folder);
            if (listing is null)
            {
                // Gone (or unreadable): only the shapes of MLflow and Lightning units are known by name alone.
                return FindByShape(root, folder, segments, depth);
            }

            if (depth > 0 && listing.Has(Markers.VirtualEnv))
            {
                return null;
            }

            if (RunShapes.IsCsvVersion(name, listing))
            {
                return LightningUnit(folder, root);
            }

            FolderListing? Child(string childName) => TryList(Path.Join(folder, childName));
            if (FolderKinds.OwningFormat(name, listing, Child, hydraAllowed: true) is { } owning)
            {
                return FolderKinds.OwningUnit(owning, folder, root);
            }

            var isDvcProject = FolderKinds.IsDvcProject(listing, Child);
            var below = segments.Length - depth;
            if (below == 0)
            {
                return UnitAtFolder(folder, root, listing, isDvcProject);
            }

            var next = segments[depth];
            if (below == 1 && FileUnit(folder, next, root, listing, isDvcProject, depth, segments) is { } fileUnit)
            {
                return fileUnit;
            }

            if (isDvcProject && string.Equals(next, FolderKinds.DvcLiveFolder, PathComparison.Comparison))
            {
                return FolderKinds.DvcUnit(folder, root);
            }

            if (below >= 2 && IsStore(folder, next, segments[depth + 1]))
            {
                return RunInStore(root, folder, segments, depth);
            }

            if (below >= 2 && IsSacredBaseFolder(folder, next, listing))
            {
                return null;
            }

            folder = Path.Join(folder, next);
        }
    }

    /// <summary>The unit a folder is when the changed path is the folder itself.</summary>
    private static RunUnit? UnitAtFolder(string folder, string root, FolderListing listing, bool isDvcProject)
    {
        if (listing.Has(Markers.EventFile))
        {
            return FolderKinds.TensorBoardUnit(folder, root);
        }

        if (isDvcProject)
        {
            return FolderKinds.DvcUnit(folder, root);
        }

        return listing.Has(Markers.MultirunYaml) ? FolderKinds.SweepUnit(folder, root) : null;
    }

    /// <summary>The unit a file directly inside <paramref name="folder"/> belongs to, judged by its name (it may be gone).</summary>
    private RunUnit? FileUnit(string folder, string fileName, string root, FolderListing listing, bool isDvcProject, int depth, string[] segments)
    {
        if (RunShapes.IsDatabaseFile(fileName))
        {
            var database = Path.Join(folder, MlflowDatabase);
            return _exclude.ExcludesFile(string.Join('/', segments[..depth].Append(MlflowDatabase)))
                ? null
                : new RunUnit(UnitFormats.MlflowDatabase, database, database, root);
        }

        if (fileName.StartsWith("events.out.tfevents.", StringComparison.Ordinal)
            || (fileName == "hparams.yaml" && listing.Has(Markers.EventFile)))
        {
            return FolderKinds.TensorBoardUnit(folder, root);
        }

        if (fileName == "multirun.yaml")
        {
            return FolderKinds.SweepUnit(folder, root);
        }

        var file = Path.Join(folder, fileName);
        if (IsMetricLogCandidate(fileName) && _isMetricLog is not null && File.Exists(file)
            && !_exclude.ExcludesFile(string.Join('/', segments)) && SafeIsMetricLog(file))
        {
            return FolderKinds.MetricLogUnit(file, root);
        }

        return isDvcProject ? FolderKinds.DvcUnit(folder, root) : null;
    }

    private bool SafeIsMetricLog(string file)
    {
        try
        {
            return _isMetricLog!(file);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    private static bool IsSacredBaseFolder(string folder, string childName, FolderListing listing)
    {
        if (childName is not ("_sources" or "_resources"))
        {
            return false;
        }

        foreach (var sibling in listing.Folders)
        {
            if (TryList(Path.Join(folder, sibling.Name)) is { } l && l.Has(Markers.RunJson) && l.Has(Markers.ConfigJson))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A folder that is gone: its name, or the names below a store, still tell an MLflow run or a Lightning version.</summary>
    private RunUnit? FindByShape(string root, string folder, string[] segments, int depth)
    {
        for (; ; depth++)
        {
            var name = Path.GetFileName(folder);
            if (depth > 0 && _exclude.ExcludesFolder(RelativeOf(segments, depth), name))
            {
                return null;
            }

            if (RunShapes.IsVersionFolderName(name) && !File.Exists(folder))
            {
                return LightningUnit(folder, root);
            }

            var below = segments.Length - depth;
            if (below == 0)
            {
                return null;
            }

            if (below == 1 && RunShapes.IsDatabaseFile(segments[depth]))
            {
                var database = Path.Join(folder, MlflowDatabase);
                return _exclude.ExcludesFile(string.Join('/', segments[..depth].Append(MlflowDatabase)))
                    ? null
                    : new RunUnit(UnitFormats.MlflowDatabase, database, database, root);
            }

            if (below >= 2 && IsStore(folder, segments[depth], segments[depth + 1]))
            {
                return RunInStore(root, folder, segments, depth);
            }

            folder = Path.Join(folder, segments[depth]);
        }
    }

    private static RunUnit LightningUnit(string folder, string root)
    {
        var experimentFolder = Path.GetDirectoryName(folder) ?? folder;
        return new RunUnit(UnitFormats.LightningCsvVersion, folder, Path.GetDirectoryName(experimentFolder) ?? experimentFolder, root);
    }

    private RunUnit? RunInStore(string root, string store, string[] segments, int depth)
    {
        var experiment = segments[depth];
        var run = segments[depth + 1];
        var experimentFolder = Path.Join(store, experiment);
        var runFolder = Path.Join(experimentFolder, run);
        if (RunShapes.IsNotExperiment(experiment)
            || RunShapes.IsNotRun(run)
            || _exclude.ExcludesFolder(RelativeOf(segments, depth + 1), experiment)
            || _exclude.ExcludesFolder(RelativeOf(segments, depth + 2), run)
            || (Directory.Exists(experimentFolder) && !File.Exists(Path.Join(experimentFolder, MetaYaml))))
        {
            return null;
        }

        var isRun = Directory.Exists(runFolder)
            ? File.Exists(Path.Join(runFolder, MetaYaml))
            : !File.Exists(runFolder) && (segments.Length > depth + 2 || RunShapes.LooksLikeRunId(run));
        return isRun ? new RunUnit(UnitFormats.MlflowFileRun, runFolder, store, root) : null;
    }

    private static bool IsStore(string folder, string experiment, string run)
    {
        var experimentFolder = Path.Join(folder, experiment);
        if (IsExperimentFolder(experimentFolder))
        {
            return true;
        }

        try
        {
            foreach (var sibling in Directory.EnumerateDirectories(folder))
            {
                if (IsExperimentFolder(sibling))
                {
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder that is gone or unreadable says nothing; the path's shape below decides.
        }

        // A deleted experiment or store: a run id under it is still recognisable.
        return !Directory.Exists(experimentFolder) && RunShapes.LooksLikeRunId(run);
    }

    private static bool IsExperimentFolder(string folder)
    {
        var metaYaml = Path.Join(folder, MetaYaml);
        try
        {
            return File.Exists(metaYaml) && RunShapes.IsExperimentMeta(metaYaml);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static FolderListing? TryList(string folder)
    {
        try
        {
            return Read(folder, withFolders: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The first <paramref name="count"/> segments joined with '/': a folder's path below the root.</summary>
    private static string RelativeOf(string[] segments, int count) => string.Join('/', segments, 0, count);
}
