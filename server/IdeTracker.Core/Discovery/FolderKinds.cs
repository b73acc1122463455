using IdeTracker.Core.Readers;
using static IdeTracker.Core.Discovery.FolderListing;

namespace IdeTracker.Core.Discovery;

/// <summary>What a folder is, judged from its own listing and the listings of some of its sub-folders: the rules
/// the walk and <see cref="UnitLocator"/> share, so both recognise the same units. A folder of an owning kind
/// (a Hydra job, a Guild, W&amp;B or Sacred run) is one unit with everything below it: the loggers Hydra's job
/// folder holds are read into the Hydra run, Guild's event files into the Guild run.</summary>
internal static class FolderKinds
{
    public const string HydraFolder = ".hydra";
    public const string GuildFolder = ".guild";
    public const string DvcLiveFolder = "dvclive";

    private static readonly HashSet<string> SacredBaseFolders = new(["_sources", "_resources"], PathComparison.Comparer);

    /// <summary>The format of a folder that owns everything below it, or null. <paramref name="child"/> lists a
    /// sub-folder by name (null when it cannot be listed). <paramref name="hydraAllowed"/> is false for the root
    /// of a walk inside a Hydra job, which looks for the loggers in the job rather than at the job.</summary>
    public static string? OwningFormat(string name, FolderListing listing, Func<string, FolderListing?> child, bool hydraAllowed)
    {
        if (hydraAllowed && IsHydraJob(listing, child))
        {
            return UnitFormats.HydraJob;
        }

        if (listing.HasFolder(GuildFolder) && child(GuildFolder)?.HasFolder("attrs") == true)
        {
            return UnitFormats.GuildRun;
        }

        if ((name.StartsWith("run-", StringComparison.Ordinal) || name.StartsWith("offline-run-", StringComparison.Ordinal))
            && (listing.Has(Markers.WandbLog) || listing.HasFolder("files")))
        {
            return UnitFormats.WandbRun;
        }

        if (listing.Has(Markers.RunJson) && listing.Has(Markers.ConfigJson))
        {
            return UnitFormats.SacredRun;
        }

        return null;
    }

    /// <summary>A Hydra job folder holds Hydra's output sub-folder (.hydra, or another hidden name the user's
    /// config gave it) with hydra.yaml and config.yaml. Only hidden sub-folders are looked into, which keeps the
    /// check cheap for a folder with thousands of sub-folders.</summary>
    public static bool IsHydraJob(FolderListing listing, Func<string, FolderListing?> child)
    {
        foreach (var folder in listing.Folders)
        {
            if (folder.Name.StartsWith('.') && child(folder.Name) is { } inner && inner.Has(Markers.HydraYaml) && inner.Has(Markers.ConfigYaml))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A DVC project: dvc.yaml, or a dvclive folder (DVCLive used without pipelines).</summary>
    public static bool IsDvcProject(FolderListing listing, Func<string, FolderListing?> child) =>
        listing.Has(Markers.DvcYaml) || (listing.HasFolder(DvcLiveFolder) && child(DvcLiveFolder) is { } live && IsDvcLive(live));

    public static bool IsDvcLive(FolderListing live) => live.Has(Markers.MetricsJson) || live.HasFolder("plots");

    /// <summary>Sub-folders of a folder that are part of a unit found at the folder, not places to look for more.</summary>
    public static bool IsPartOfUnitAbove(string childName, FolderListing parent, bool parentIsDvcProject, bool parentHoldsSacredRuns) =>
        (parentIsDvcProject && string.Equals(childName, DvcLiveFolder, PathComparison.Comparison))
        || (parentHoldsSacredRuns && SacredBaseFolders.Contains(childName));

    /// <summary>The store of a run folder: the folder <paramref name="levels"/> above it, never above the workspace root.</summary>
    public static string StoreAbove(string runFolder, int levels, string root)
    {
        var store = runFolder;
        for (var i = 0; i < levels; i++)
        {
            if (PathComparison.Normalise(store).Equals(root, PathComparison.Comparison))
            {
                break;
            }

            store = Path.GetDirectoryName(store) ?? store;
        }

        return PathComparison.IsSameOrBelow(root, PathComparison.Normalise(store)) ? store : root;
    }

    /// <summary>Where a Hydra job's runs are grouped: a multirun job's sweep folder sits two levels below
    /// "multirun/" (multirun/&lt;date&gt;/&lt;time&gt;/&lt;job&gt;), a single run two below "outputs/".</summary>
    public static string HydraStore(string jobFolder, string root)
    {
        var parent = Path.GetDirectoryName(jobFolder);
        return parent is not null && IsSweepFolder(parent) && PathComparison.IsSameOrBelow(root, PathComparison.Normalise(parent))
            ? StoreAbove(parent, 2, root)
            : StoreAbove(jobFolder, 2, root);
    }

    public static bool IsSweepFolder(string folder) => File.Exists(Path.Join(folder, "multirun.yaml"));

    /// <summary>The unit a folder of an owning format makes.</summary>
    public static RunUnit OwningUnit(string format, string folder, string root) => format switch
    {
        UnitFormats.HydraJob => new RunUnit(format, folder, HydraStore(folder, root), root),
        _ => new RunUnit(format, folder, StoreAbove(folder, 1, root), root),
    };

    public static RunUnit TensorBoardUnit(string folder, string root) =>
        new(UnitFormats.TensorBoardRun, folder, StoreAbove(folder, 2, root), root);

    public static RunUnit SweepUnit(string folder, string root) =>
        new(UnitFormats.HydraSweep, folder, StoreAbove(folder, 2, root), root);

    public static RunUnit DvcUnit(string folder, string root) => new(UnitFormats.DvcProject, folder, folder, root);

    public static RunUnit MetricLogUnit(string file, string root) =>
        new(UnitFormats.MetricLogFile, file, Path.GetDirectoryName(file) ?? root, root);
}
