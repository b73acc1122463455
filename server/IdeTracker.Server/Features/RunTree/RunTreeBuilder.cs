using IdeTracker.Core.Index;
using IdeTracker.Core.Indexing;
using IdeTracker.Core.Model;
using IdeTracker.Core.Presentation;
using IdeTracker.Core.Queries;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.RunTree;

/// <summary>Builds one page of tree children from the index: stores (and a Problems node) at the top,
/// then experiments, runs, and child runs.</summary>
public sealed class RunTreeBuilder
{
    public const int MaxPageSize = 5000;

    public const string ByExperiment = "experiment";
    public const string ByLineage = "lineage";

    /// <summary>A run's label (Hydra's overrides…) leads its description, cut so the metric and time still show.</summary>
    private const int MaxLabelInDescription = 60;
    private readonly IndexStore _store;
    private readonly MetricChoice? _mainMetric;
    private readonly DateTimeOffset _now;
    private readonly LineageCache _lineage;

    /// <summary><paramref name="lineage"/> keeps lineage forests between requests; without one each is worked out afresh.</summary>
    public RunTreeBuilder(IndexStore store, MetricChoice? mainMetric, DateTimeOffset now, LineageCache? lineage = null)
    {
        _store = store;
        _mainMetric = mainMetric;
        _now = now;
        _lineage = lineage ?? new LineageCache(() => 0);
    }

    public RunTreeResult Build(RunTreeParams request)
    {
        var byLineage = request.Grouping switch
        {
            null or ByExperiment => false,
            ByLineage => true,
            _ => throw new ArgumentException($"unknown grouping '{request.Grouping}': expected {ByExperiment} or {ByLineage}"),
        };
        var offset = Math.Max(0, request.Offset);
        var limit = Math.Clamp(request.Limit <= 0 ? 500 : request.Limit, 1, MaxPageSize);
        // With a filter, stores and experiments count only matching runs; experiments list them flat, or by
        // lineage among the matching runs alone.
        var filter = string.IsNullOrWhiteSpace(request.Filter) ? null : _store.CompileFilter(request.Filter, _now);
        if (request.NodeId is null)
        {
            return Top(offset, limit, filter);
        }

        var id = TreeNodeId.Decode(request.NodeId)
            ?? throw new ArgumentException($"unknown tree node id: {request.NodeId}");
        return id.Kind switch
        {
            TreeNodeId.Store => Experiments(id.StoreKey!, offset, limit, byLineage, filter),
            TreeNodeId.ExperimentKind when filter is not null => FlatRuns(_store.GetMatchingRuns(id.StoreKey!, id.Experiment, filter, offset, limit, _mainMetric?.Key)),
            // The same lineage ids serve with and without a filter: the extension sends its filter with every request.
            TreeNodeId.Lineage => LineageRuns(id, offset, limit, filter is null
                ? _lineage.Get(_store, id.StoreKey!, id.Experiment)
                : _lineage.Get(_store, id.StoreKey!, id.Experiment, request.Filter!, filter)),
            TreeNodeId.ExperimentKind => Runs(_store.GetRuns(id.StoreKey!, id.Experiment, null, offset, limit, _mainMetric?.Key)),
            TreeNodeId.Run => Runs(_store.GetRuns(string.Empty, null, id.RunId, offset, limit, _mainMetric?.Key)),
            TreeNodeId.Problems => ProblemNodes(offset, limit),
            _ => new RunTreeResult([], 0, offset),
        };
    }

    private RunTreeResult Top(int offset, int limit, CompiledFilter? filter)
    {
        var nodes = new List<RunTreeNode>();
        foreach (var store in _store.GetStores(filter))
        {
            nodes.Add(new RunTreeNode
            {
                Id = TreeNodeId.ForStore(store.Key).Encode(),
                Kind = TreeNodeId.Store,
                Label = store.Path == "." ? Path.GetFileName(_store.WorkspaceRoot) : store.Path,
                Description = $"{SourceNames.Display(store.Source)} · {Labels.Count(store.RunCount, "run")}",
                HasChildren = store.RunCount > 0,
                ChildCount = store.RunCount,
                Source = store.Source,
                Path = Path.GetFullPath(Path.Combine(_store.WorkspaceRoot, store.Path)),
            });
        }

        var problems = _store.GetCounts(_now, TimeSpan.Zero).Problems;
        if (problems > 0)
        {
            nodes.Add(new RunTreeNode
            {
                Id = new TreeNodeId(TreeNodeId.Problems).Encode(),
                Kind = TreeNodeId.Problems,
                Label = "Problems",
                Description = Labels.Count(problems, "problem"),
                HasChildren = true,
                ChildCount = problems,
            });
        }

        return new RunTreeResult(nodes.Skip(offset).Take(limit).ToList(), nodes.Count, offset);
    }

    private RunTreeResult Experiments(string storeKey, int offset, int limit, bool byLineage, CompiledFilter? filter)
    {
        var experiments = _store.GetExperiments(storeKey, filter);
        var nodes = experiments.Skip(offset).Take(limit).Select(e => new RunTreeNode
        {
            Id = (byLineage ? TreeNodeId.ForLineage(storeKey, e.Name, null) : TreeNodeId.ForExperiment(storeKey, e.Name)).Encode(),
            Kind = TreeNodeId.ExperimentKind,
            Label = e.Name ?? "(no experiment)",
            Description = e.LastStart is { } last
                ? $"{Labels.Count(e.RunCount, "run")} · latest {Labels.TimeAgo(last, _now)}"
                : Labels.Count(e.RunCount, "run"),
            HasChildren = e.RunCount > 0,
            ChildCount = e.RunCount,
        }).ToList();
        return new RunTreeResult(nodes, experiments.Count, offset);
    }

    private RunTreeResult Runs(Page<RunRow> page)
    {
        var nodes = page.Items.Select(RunNode).ToList();
        return new RunTreeResult(nodes, page.Total, page.Offset);
    }

    /// <summary>One page of the runs that hang under a run (or the roots) in an experiment's lineage
    /// (<paramref name="forest"/>), each saying what changed from the run above it.</summary>
    private RunTreeResult LineageRuns(TreeNodeId id, int offset, int limit, LineageForest forest)
    {
        var children = forest.ChildrenOf(id.RunId);
        var rows = _store.GetRunRowsByIds([.. children.Skip(offset).Take(limit)], _mainMetric?.Key);
        var nodes = rows.Select(run =>
        {
            var change = forest.ChangeOf(run.Id);
            var childCount = forest.ChildrenOf(run.Id).Count;
            return RunNode(run, change) with
            {
                Id = TreeNodeId.ForLineage(id.StoreKey!, id.Experiment, run.Id).Encode(),
                HasChildren = childCount > 0,
                ChildCount = childCount,
                Change = change,
            };
        }).ToList();
        return new RunTreeResult(nodes, children.Count, offset);
    }

    /// <summary>Matching runs side by side: a child run is listed itself, so none opens onto its children.</summary>
    private RunTreeResult FlatRuns(Page<RunRow> page)
    {
        var nodes = page.Items.Select(run => RunNode(run) with { HasChildren = false }).ToList();
        return new RunTreeResult(nodes, page.Total, page.Offset);
    }

    /// <summary>A run as the tree shows it; <c>ideTracker/query</c> lists the same nodes.</summary>
    internal RunTreeNode RunNode(RunRow run) => RunNode(run, null);

    /// <summary><paramref name="lead"/>, when given, leads the description in place of the run's label.</summary>
    private RunTreeNode RunNode(RunRow run, string? lead)
    {
        var metric = MainMetricValues.Of(_mainMetric, run.MainMetric);
        var description = new List<string>();
        if (run.UserTags.Count > 0)
        {
            description.Add(string.Join(' ', run.UserTags.Select(t => "#" + t)));
        }

        if (run.Gone)
        {
            description.Add("files gone");
        }

        if ((lead ?? run.Label) is { Length: > 0 } label)
        {
            description.Add(label.Length > MaxLabelInDescription ? label[..(MaxLabelInDescription - 1)] + "…" : label);
        }

        if (metric is not null)
        {
            description.Add(metric.Label);
        }

        string? timeAgo = run.StartTime is { } start ? Labels.TimeAgo(start, _now) : null;
        if (timeAgo is not null)
        {
            description.Add(timeAgo);
        }

        return new RunTreeNode
        {
            Id = TreeNodeId.ForRun(run.Id).Encode(),
            Kind = TreeNodeId.Run,
            Label = run.Name,
            Description = string.Join(" · ", description),
            HasChildren = run.ChildCount > 0,
            ChildCount = run.ChildCount,
            RunId = run.Id,
            Source = run.Source,
            Status = run.Status.ToWire(),
            StartTime = run.StartTime is { } s ? Labels.Iso(s) : null,
            TimeAgo = timeAgo,
            MainMetric = metric,
            Live = run.IsLive(_now, Indexing.IndexingService.LiveWindow) ? true : null,
            Path = run.Directory,
            Starred = run.Starred ? true : null,
            Tags = run.UserTags.Count > 0 ? run.UserTags : null,
            Gone = run.Gone ? true : null,
        };
    }

    private RunTreeResult ProblemNodes(int offset, int limit)
    {
        var problems = _store.GetProblems();
        var nodes = problems.Skip(offset).Take(limit).Select((p, i) => new RunTreeNode
        {
            Id = $"[\"problem\",{offset + i}]",
            Kind = TreeNodeId.Problem,
            Label = PathText.RelativeOrSelf(_store.WorkspaceRoot, p.Path) + (p.Line > 0 ? $":{p.Line}" : string.Empty),
            Description = p.Message,
            Path = p.Path,
            Line = p.Line > 0 ? p.Line : null,
        }).ToList();
        return new RunTreeResult(nodes, problems.Count, offset);
    }
}
