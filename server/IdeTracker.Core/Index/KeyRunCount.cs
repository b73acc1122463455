namespace IdeTracker.Core.Index;

/// <summary>A param or tag key and how many runs record it.</summary>
public sealed record KeyRunCount(string Key, int Runs);
