using IdeTracker.Core.Model;

namespace IdeTracker.Core.Notes.Drafts;

/// <summary>One run's history of one metric, as a plot line: the legend says <see cref="RunName"/>.</summary>
public sealed record MetricCurve(string RunName, IReadOnlyList<MetricPoint> Points);
