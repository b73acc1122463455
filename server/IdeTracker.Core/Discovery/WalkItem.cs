namespace IdeTracker.Core.Discovery;

/// <summary>What the walk expects to find at a path.</summary>
internal enum WalkRole
{
    /// <summary>An ordinary folder: it may be a run root, a store, or hold them further down.</summary>
    Folder,

    /// <summary>A child of an MLflow store.</summary>
    Experiment,

    /// <summary>A child of an MLflow experiment.</summary>
    RunCandidate,

    /// <summary>An mlflow.db reached through a symbolic link.</summary>
    Database,
}

/// <summary>One entry of the walk's stack. <see cref="Path"/> is the path as seen from the root (it may pass
/// through links); <see cref="RealPath"/> is null for a link not yet resolved.</summary>
internal sealed record WalkItem(WalkRole Role, string Path, string? RealPath, string? StorePath, FolderListing? Listing);
