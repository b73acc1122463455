namespace IdeTracker.Core.Queries;

/// <summary>A literal as written: <see cref="Number"/> is set when it was written as a number (<c>1e-3</c>,
/// <c>-2</c>, <c>.5</c>), never for a quoted string, so <c>lr = "0.01"</c> compares text.</summary>
public sealed record FilterValue(string Text, double? Number, int Position, int Length);
