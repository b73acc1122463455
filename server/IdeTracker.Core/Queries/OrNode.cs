namespace IdeTracker.Core.Queries;

public sealed record OrNode(FilterNode Left, FilterNode Right) : FilterNode(Left.Position, Right.Position + Right.Length - Left.Position);
