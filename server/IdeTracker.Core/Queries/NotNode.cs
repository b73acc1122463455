namespace IdeTracker.Core.Queries;

/// <summary><c>not x</c>: every run <c>x</c> does not select, including runs that lack the name it compares.</summary>
public sealed record NotNode(FilterNode Operand, int Position, int Length) : FilterNode(Position, Length);
