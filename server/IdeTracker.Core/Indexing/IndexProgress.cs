namespace IdeTracker.Core.Indexing;

/// <summary>How far a workspace scan is: units checked or read so far of those discovered.</summary>
public sealed record IndexProgress(int UnitsDone, int UnitsTotal, string? CurrentPath);
