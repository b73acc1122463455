namespace IdeTracker.Core.Index;

/// <summary>What the index mirrors of a run's annotation that labels show: its star and the user's tags (sorted).</summary>
public sealed record RunAnnotationMark(string RunId, bool Starred, IReadOnlyList<string> Tags);
