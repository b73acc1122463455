namespace IdeTracker.Core.Queries;

/// <summary>The left side of a comparison: <see cref="Key"/> without its prefix; the position covers the
/// name as written (prefix and quotes included).</summary>
public sealed record FilterName(string Key, NameScope Scope, int Position, int Length)
{
    public override string ToString() => Scope switch
    {
        NameScope.Param => "params." + Key,
        NameScope.Metric => "metrics." + Key,
        _ => Key,
    };
}
