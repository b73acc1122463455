namespace IdeTracker.Core.Discovery;

/// <summary>A sub-folder as its parent's listing saw it. <see cref="IsLink"/>: it is a symbolic link to a folder.</summary>
internal readonly record struct ChildFolder(string Name, bool IsLink);
