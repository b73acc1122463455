namespace IdeTracker.Core.Queries;

/// <summary><c>starred</c>: runs the user starred.</summary>
public sealed record StarredNode(int Position, int Length) : FilterNode(Position, Length);
