using IdeTracker.Core.Model;
using IdeTracker.Server.Features.RunTree;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Tests.Features.RunTree;

/// <summary>The lineage grouping under a filter: the lineage among the matching runs alone.</summary>
public sealed class FilteredLineageTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(IndexFixture.StartMs) + TimeSpan.FromDays(1);
    private readonly IndexFixture _index = new();
    private readonly LineageCache _cache;
    private int _version;

    public FilteredLineageTests() => _cache = new LineageCache(() => _version);

    public void Dispose() => _index.Dispose();

    private Run Run(string id, long start, params (string Key, string Value)[] parameters)
    {
        var run = _index.NewRun(id, startOffsetMs: start);
        foreach (var (key, value) in parameters)
        {
            run.Params[key] = value;
        }

        return run;
    }

    private RunTreeResult Tree(string? nodeId, string? filter, string grouping = RunTreeBuilder.ByLineage, int offset = 0, int limit = 500) =>
        new RunTreeBuilder(_index.Store, null, Now, _cache).Build(new RunTreeParams { NodeId = nodeId, Filter = filter, Grouping = grouping, Offset = offset, Limit = limit });

    private RunTreeNode ExperimentNode(string? filter, string grouping = RunTreeBuilder.ByLineage) =>
        Tree(TreeNodeId.ForStore(IndexFixture.StoreKey).Encode(), filter, grouping).Nodes.Single();

    /// <summary>a → b → c unfiltered; without b, c hangs under a.</summary>
    private (Run A, Run B, Run C) Chain()
    {
        var a = Run("a", 0, ("lr", "1"), ("depth", "1"));
        var b = Run("b", 10, ("lr", "2"), ("depth", "1"));
        var c = Run("c", 20, ("lr", "2"), ("depth", "2"));
        _index.Write(a, b, c);
        return (a, b, c);
    }

    [Fact]
    public void A_matching_run_hangs_under_the_earlier_matching_run_it_differs_least_from()
    {
        var (a, _, c) = Chain();
        const string Filter = "depth = 2 or lr = 1";

        var experiment = ExperimentNode(Filter);
        var root = Assert.Single(Tree(experiment.Id, Filter).Nodes);
        var child = Assert.Single(Tree(root.Id, Filter).Nodes);

        Assert.Equal(TreeNodeId.Lineage, TreeNodeId.Decode(experiment.Id)!.Kind);
        Assert.Equal(2, experiment.ChildCount);
        Assert.Equal(a.Id, root.RunId);
        Assert.Equal(1, root.ChildCount);
        Assert.Equal(c.Id, child.RunId);
        Assert.Equal("depth 1 → 2, lr 1 → 2", child.Change);
        Assert.False(child.HasChildren);
    }

    [Fact]
    public void The_same_ids_without_the_filter_open_onto_the_whole_lineage()
    {
        var (a, b, c) = Chain();
        const string Filter = "depth = 2 or lr = 1";
        var root = Assert.Single(Tree(ExperimentNode(Filter).Id, Filter).Nodes);

        var unfiltered = Assert.Single(Tree(root.Id, null).Nodes);
        var filtered = Assert.Single(Tree(root.Id, Filter).Nodes);

        Assert.Equal(a.Id, root.RunId);
        Assert.Equal(b.Id, unfiltered.RunId);
        Assert.Equal(c.Id, Assert.Single(Tree(unfiltered.Id, null).Nodes).RunId);
        Assert.Equal(c.Id, filtered.RunId);
    }

    [Fact]
    public void Children_under_a_filter_are_paged()
    {
        // Each run adds a key of its own, so all hang under the root; even ones are filtered out.
        _index.Write([Run("root", 0, ("lr", "1"), ("keep", "1")), .. Enumerable.Range(1, 10).Select(i => Run($"s{i}", i, ("lr", "1"), ("keep", $"{i % 2}"), ($"extra{i}", "1")))]);
        const string Filter = "keep = 1";
        var root = Assert.Single(Tree(ExperimentNode(Filter).Id, Filter).Nodes);

        var pages = Enumerable.Range(0, 3).Select(page => Tree(root.Id, Filter, offset: page * 2, limit: 2)).ToList();

        Assert.Equal(5, root.ChildCount);
        Assert.All(pages, page => Assert.Equal(5, page.Total));
        Assert.Equal(["run-s1", "run-s3", "run-s5", "run-s7", "run-s9"], pages.SelectMany(p => p.Nodes).Select(n => n.Label));
    }

    [Fact]
    public void The_experiment_grouping_still_lists_matching_runs_flat()
    {
        Chain();
        const string Filter = "depth = 2 or lr = 1";

        var experiment = ExperimentNode(Filter, RunTreeBuilder.ByExperiment);
        var runs = Tree(experiment.Id, Filter, RunTreeBuilder.ByExperiment).Nodes;

        Assert.Equal(TreeNodeId.ExperimentKind, TreeNodeId.Decode(experiment.Id)!.Kind);
        Assert.Equal(["run-c", "run-a"], runs.Select(n => n.Label));
        Assert.All(runs, n => Assert.Null(n.Change));
    }

    [Fact]
    public void A_filtered_forest_is_kept_per_filter_text_until_the_index_version_moves()
    {
        Chain();
        var filter = _index.Store.CompileFilter("lr = 2", Now);

        var first = _cache.Get(_index.Store, IndexFixture.StoreKey, "Default", "lr = 2", filter);
        var again = _cache.Get(_index.Store, IndexFixture.StoreKey, "Default", " lr = 2 ", filter);
        var unfiltered = _cache.Get(_index.Store, IndexFixture.StoreKey, "Default");
        _index.Write(Run("d", 30, ("lr", "2"), ("depth", "3")));
        _version++;
        var after = _cache.Get(_index.Store, IndexFixture.StoreKey, "Default", "lr = 2", filter);

        Assert.Same(first, again);
        Assert.Equal(2, first.RunCount);
        Assert.Equal(3, unfiltered.RunCount);
        Assert.Equal(3, after.RunCount);
    }

    [Fact]
    public void Only_the_last_few_filters_keep_their_forests()
    {
        Chain();
        var texts = Enumerable.Range(0, LineageCache.MaxFilters + 1).Select(i => $"lr > {i - 1}").ToList();
        var forests = texts.ConvertAll(text => _cache.Get(_index.Store, IndexFixture.StoreKey, "Default", text, _index.Store.CompileFilter(text, Now)));

        var newest = _cache.Get(_index.Store, IndexFixture.StoreKey, "Default", texts[^1], _index.Store.CompileFilter(texts[^1], Now));
        var oldest = _cache.Get(_index.Store, IndexFixture.StoreKey, "Default", texts[0], _index.Store.CompileFilter(texts[0], Now));

        Assert.Same(forests[^1], newest);
        Assert.NotSame(forests[0], oldest);
        Assert.Equal(forests[0].RunCount, oldest.RunCount);
        Assert.Equal(LineageCache.MaxFilters, _cache.FilteredCount);
    }
}
