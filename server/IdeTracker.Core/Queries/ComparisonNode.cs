namespace IdeTracker.Core.Queries;

/// <summary><c>name op value</c>.</summary>
public sealed record ComparisonNode(FilterName Name, ComparisonOperator Operator, FilterValue Value, int OperatorPosition)
    : FilterNode(Name.Position, Value.Position + Value.Length - Name.Position);
