namespace IdeTracker.Bench.Filter;

/// <summary>One representative query: what it stands for, the filter and the sort.</summary>
internal sealed record FilterCase(string Label, string Filter, string? Sort);
