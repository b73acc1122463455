namespace IdeTracker.Core.Index;

/// <summary>What a run is called, and where it is: enough to find the runs a note or a command line names
/// without reading any run's details.</summary>
public sealed record RunNameRow(string Id, string NativeId, string Name, string? Experiment, string StoreKey, string Directory, DateTimeOffset? StartTime);
