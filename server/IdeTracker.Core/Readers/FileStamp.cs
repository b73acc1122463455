namespace IdeTracker.Core.Readers;

/// <summary>What a second scan compares to know a file has not changed. Absolute path.</summary>
public readonly record struct FileStamp(string Path, long Size, long MtimeTicks);
