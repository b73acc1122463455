namespace IdeTracker.Core.Queries;

public static class ComparisonOperators
{
    public static string Spell(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.Matches => "~",
        _ => "!~",
    };

    public static ComparisonOperator? Parse(string text) => text switch
    {
        "=" or "==" => ComparisonOperator.Equal,
        "!=" or "<>" => ComparisonOperator.NotEqual,
        "<" => ComparisonOperator.Less,
        "<=" => ComparisonOperator.LessOrEqual,
        ">" => ComparisonOperator.Greater,
        ">=" => ComparisonOperator.GreaterOrEqual,
        "~" => ComparisonOperator.Matches,
        "!~" => ComparisonOperator.NotMatches,
        _ => null,
    };

    public static bool IsOrdering(this ComparisonOperator op) =>
        op is ComparisonOperator.Less or ComparisonOperator.LessOrEqual or ComparisonOperator.Greater or ComparisonOperator.GreaterOrEqual;

    public static bool IsRegex(this ComparisonOperator op) => op is ComparisonOperator.Matches or ComparisonOperator.NotMatches;
}
