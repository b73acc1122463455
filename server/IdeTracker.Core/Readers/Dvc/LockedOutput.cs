namespace IdeTracker.Core.Readers.Dvc;

/// <summary>A dependency or an output as dvc.lock pins it: the path relative to the project (or a URL), the
/// content digest with its kind ("md5:…", "etag:…"; a folder's md5 ends in ".dir"), size and file count.</summary>
internal sealed record LockedOutput(string Path, string? Digest, long? Size, long? Files);
