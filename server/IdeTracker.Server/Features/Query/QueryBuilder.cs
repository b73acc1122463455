using IdeTracker.Core.Index;
using IdeTracker.Core.Queries;
using IdeTracker.Server.Features.RunTree;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.Query;

/// <summary>Answers <c>ideTracker/query</c>: one page of the runs a filter selects, as the tree's run nodes
/// (flat: child runs are listed themselves), or no runs and the located error when the filter or sort does
/// not parse.</summary>
public sealed class QueryBuilder
{
    private readonly IndexStore _store;
    private readonly MetricChoice? _mainMetric;
    private readonly DateTimeOffset _now;

    public QueryBuilder(IndexStore store, MetricChoice? mainMetric, DateTimeOffset now)
    {
        _store = store;
        _mainMetric = mainMetric;
        _now = now;
    }

    public QueryResult Build(QueryParams request)
    {
        var offset = Math.Max(0, request.Offset);
        var limit = Math.Clamp(request.Limit, 0, RunTreeBuilder.MaxPageSize);
        Page<RunRow> page;
        try
        {
            page = _store.QueryRuns(request.Filter, request.Sort, offset, limit, _mainMetric?.Key, _now);
        }
        catch (FilterException e)
        {
            return new QueryResult { Runs = [], Offset = offset, Error = ToDto(e) };
        }

        var nodes = new RunTreeBuilder(_store, _mainMetric, _now);
        return new QueryResult
        {
            Runs = page.Items.Select(run => nodes.RunNode(run) with { HasChildren = false }).ToList(),
            Total = page.Total,
            Offset = page.Offset,
        };
    }

    public static FilterErrorDto ToDto(FilterException e) => new(e.Message, e.Position, e.Length, e.Expected, e.Field);
}
