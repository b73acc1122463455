namespace IdeTracker.Core.Queries;

public sealed record AndNode(FilterNode Left, FilterNode Right) : FilterNode(Left.Position, Right.Position + Right.Length - Left.Position);
