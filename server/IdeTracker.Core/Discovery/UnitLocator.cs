using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Discovery;

/// <summary>Finds the unit a changed path belongs to by going down from the workspace root along the path and
/// applying the walk's rules at each folder. Where the path no longer exists, its shape decides.</summary>
internal sealed class UnitLocator
{
    private readonly ExcludeRules _exclude;

    public UnitLocator(ExcludeRules exclude) => _exclude = exclude;

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
            if (depth > 0 && (_exclude.ExcludesFolder(RelativeOf(segments, depth), name) || IsVirtualEnv(folder)))
            {
                return null;
            }

            if (IsCsvVersion(folder, name))
            {
                var experimentFolder = Path.GetDirectoryName(folder) ?? folder;
                return new RunUnit(UnitFormats.LightningCsvVersion, folder, Path.GetDirectoryName(experimentFolder) ?? experimentFolder, root);
            }

            var below = segments.Length - depth;
            if (below == 0)
            {
                return null;
            }

            if (below == 1 && RunShapes.IsDatabaseFile(segments[depth]))
            {
                var database = Path.Join(folder, FolderListing.MlflowDatabase);
                return _exclude.ExcludesFile(string.Join('/', segments[..depth].Append(FolderListing.MlflowDatabase)))
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
            || (Directory.Exists(experimentFolder) && !File.Exists(Path.Join(experimentFolder, FolderListing.MetaYaml))))
        {
            return null;
        }

        var isRun = Directory.Exists(runFolder)
            ? File.Exists(Path.Join(runFolder, FolderListing.MetaYaml))
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
        var metaYaml = Path.Join(folder, FolderListing.MetaYaml);
        try
        {
            return File.Exists(metaYaml) && RunShapes.IsExperimentMeta(metaYaml);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A version folder that exists is judged by its files; one that is gone, by its name.</summary>
    private static bool IsCsvVersion(string folder, string name)
    {
        if (!RunShapes.IsVersionFolderName(name))
        {
            return false;
        }

        try
        {
            return RunShapes.IsCsvVersion(name, FolderListing.Read(folder, withFolders: false));
        }
        catch (DirectoryNotFoundException)
        {
            return !File.Exists(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsVirtualEnv(string folder) =>
        File.Exists(Path.Join(folder, "pyvenv.cfg")) || Directory.Exists(Path.Join(folder, "conda-meta"));

    /// <summary>The first <paramref name="count"/> segments joined with '/': a folder's path below the root.</summary>
    private static string RelativeOf(string[] segments, int count) => string.Join('/', segments, 0, count);
}
