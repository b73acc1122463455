namespace IdeTracker.Core.Index;

/// <summary>The metric labels show as "the" result of a run. <see cref="Configured"/> is true when the
/// user named it in settings rather than it being inferred.</summary>
public sealed record MetricChoice(string Key, bool HigherIsBetter, bool Configured);
