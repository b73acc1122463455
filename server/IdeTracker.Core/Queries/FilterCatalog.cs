namespace IdeTracker.Core.Queries;

/// <summary>The param and metric keys an index holds: what bare names resolve against.</summary>
public sealed record FilterCatalog(IReadOnlySet<string> ParamKeys, IReadOnlySet<string> MetricKeys)
{
    public static FilterCatalog Of(IEnumerable<string> paramKeys, IEnumerable<string> metricKeys) =>
        new(paramKeys.ToHashSet(StringComparer.Ordinal), metricKeys.ToHashSet(StringComparer.Ordinal));
}
