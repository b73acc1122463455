namespace IdeTracker.Core.Queries;

/// <summary>A node of a parsed filter. Positions locate it in the filter text for the compiler's errors.</summary>
public abstract record FilterNode(int Position, int Length);
