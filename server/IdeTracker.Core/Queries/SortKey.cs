namespace IdeTracker.Core.Queries;

/// <summary>One term of an ORDER BY: the value sorted on and what follows it (a collation and a direction, or
/// nothing). Kept apart so a query can compute the values once, as columns, and sort on those.</summary>
public sealed record SortKey(string Expression, string Order = "")
{
    public string Sql => Order.Length == 0 ? Expression : $"{Expression} {Order}";
}
