namespace IdeTracker.Core.Model;

/// <summary>Data a run read: a path relative to the workspace (or a URI), the digest the source recorded
/// ("md5:…"), and its size in bytes and file count when known.</summary>
public sealed record DataInput(string Path, string? Digest, long? Size, long? Files);
