using IdeTracker.Core.Model;
using IdeTracker.Server.Features.RunTree;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Tests.Features.RunTree;

public sealed class LineageTreeTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(IndexFixture.StartMs) + TimeSpan.FromDays(1);
    private readonly IndexFixture _index = new();

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

    private RunTreeResult Tree(string? nodeId, string grouping = RunTreeBuilder.ByLineage, int offset = 0, int limit = 500) =>
        new RunTreeBuilder(_index.Store, null, Now).Build(new RunTreeParams { NodeId = nodeId, Grouping = grouping, Offset = offset, Limit = limit });

    private RunTreeNode ExperimentNode(string grouping = RunTreeBuilder.ByLineage) =>
        Tree(TreeNodeId.ForStore(IndexFixture.StoreKey).Encode(), grouping).Nodes.Single();

    [Fact]
    public void Each_run_hangs_under_the_earlier_run_it_differs_least_from_saying_what_changed()
    {
        var r0 = Run("r0", 0, ("lr", "0.01"), ("batch_size", "32"));
        var r1 = Run("r1", 10, ("lr", "0.001"), ("batch_size", "32"));
        var r2 = Run("r2", 20, ("lr", "1e-3"), ("batch_size", "64"));
        var r3 = Run("r3", 30, ("lr", "0.01"), ("batch_size", "32"));
        _index.Write(r0, r1, r2, r3);

        var roots = Tree(ExperimentNode().Id).Nodes;
        var root = Assert.Single(roots);
        Assert.Equal(r0.Id, root.RunId);
        Assert.Null(root.Change);
        Assert.Equal(2, root.ChildCount);

        var underRoot = Tree(root.Id).Nodes;
        Assert.Equal([r1.Id, r3.Id], underRoot.Select(n => n.RunId));
        Assert.Equal("lr 0.01 → 0.001", underRoot[0].Change);
        Assert.StartsWith("lr 0.01 → 0.001 · ", underRoot[0].Description);
        Assert.Equal(ParamChanges.Same, underRoot[1].Change);

        var underR1 = Assert.Single(Tree(underRoot[0].Id).Nodes);
        Assert.Equal(r2.Id, underR1.RunId);
        Assert.Equal("batch_size 32 → 64", underR1.Change);
        Assert.False(underR1.HasChildren);
    }

    [Fact]
    public void Ties_go_to_the_most_recent_earlier_run()
    {
        _index.Write(
            Run("a", 0, ("lr", "1"), ("seed", "1")),
            Run("b", 10, ("lr", "2"), ("seed", "1")),
            Run("c", 20, ("lr", "3"), ("seed", "1")));

        var forest = LineageForest.Build(_index.Store.GetExperimentRunParams(IndexFixture.StoreKey, "Default"));

        Assert.Equal(RunIds.Make("mlflow", "mlruns", "b"), forest.ParentOf(RunIds.Make("mlflow", "mlruns", "c")));
    }

    [Fact]
    public void Many_changes_show_three_then_how_many_more_and_missing_values_say_unset()
    {
        var from = Run("a", 0, ("a", "1"), ("b", "1"), ("c", "1"), ("d", "1"), ("e", "1"));
        var to = Run("b", 10, ("a", "2"), ("b", "2"), ("c", "2"), ("d", "2"), ("f", "1"));
        _index.Write(from, to);
        var rows = _index.Store.GetExperimentRunParams(IndexFixture.StoreKey, "Default");

        Assert.Equal("a 1 → 2, b 1 → 2, c 1 → 2 +3 more", ParamChanges.Describe(rows[0], rows[1]));
        Assert.Equal(
            "e 1 → unset, f unset → 1",
            ParamChanges.Describe(rows[0] with { Params = new Dictionary<string, string> { ["e"] = "1" } }, rows[1] with { Params = new Dictionary<string, string> { ["f"] = "1" } }));
    }

    [Fact]
    public void A_hydra_run_says_its_overrides_when_they_are_what_changed()
    {
        var first = _index.NewRun("h0", source: "hydra", label: "optimizer.lr=0.1");
        first.Params["optimizer.lr"] = "0.1";
        first.Params["model"] = "resnet";
        var second = _index.NewRun("h1", startOffsetMs: 10, source: "hydra", label: "optimizer.lr=0.01 +seed=3");
        second.Params["optimizer.lr"] = "0.01";
        second.Params["model"] = "resnet";
        second.Params["seed"] = "3";
        var third = _index.NewRun("h2", startOffsetMs: 20, source: "hydra", label: "optimizer.lr=0.01");
        third.Params["optimizer.lr"] = "0.01";
        third.Params["model"] = "vit";
        third.Params["seed"] = "3";
        _index.Write(first, second, third);

        var forest = LineageForest.Build(_index.Store.GetExperimentRunParams("hydra:mlruns", "Default"));

        Assert.Equal("optimizer.lr=0.01 +seed=3", forest.ChangeOf(second.Id));
        Assert.Equal("model resnet → vit", forest.ChangeOf(third.Id));
    }

    [Fact]
    public void Child_runs_take_their_place_in_the_lineage_instead_of_under_their_parent()
    {
        var parent = Run("p", 0, ("lr", "0.1"));
        var child = _index.NewRun("c", startOffsetMs: 10, parentNativeId: "p");
        child.Params["lr"] = "0.2";
        _index.Write(parent, child);

        var experimentTree = Tree(ExperimentNode(RunTreeBuilder.ByExperiment).Id, RunTreeBuilder.ByExperiment).Nodes;
        var lineage = Tree(Assert.Single(Tree(ExperimentNode().Id).Nodes).Id).Nodes;

        Assert.Equal([parent.Id], experimentTree.Select(n => n.RunId));
        Assert.Equal(child.Id, Assert.Single(lineage).RunId);
        Assert.Equal("lr 0.1 → 0.2", lineage[0].Change);
    }

    [Fact]
    public void Lineage_ids_encode_the_grouping_and_children_are_paged()
    {
        // Each run adds a key of its own: one change from the root, two from any sibling, so all hang under the root.
        _index.Write([Run("root", 0, ("lr", "1")), .. Enumerable.Range(1, 7).Select(i => Run($"s{i}", i, ("lr", "1"), ($"extra{i}", "1")))]);
        var experiment = ExperimentNode();
        var root = Tree(experiment.Id).Nodes.Single();

        var page = Tree(root.Id, grouping: RunTreeBuilder.ByExperiment, offset: 0, limit: 3);

        Assert.Equal(TreeNodeId.Lineage, TreeNodeId.Decode(experiment.Id)!.Kind);
        Assert.Equal(TreeNodeId.Lineage, TreeNodeId.Decode(root.Id)!.Kind);
        Assert.Equal(TreeNodeId.ExperimentKind, TreeNodeId.Decode(ExperimentNode(RunTreeBuilder.ByExperiment).Id)!.Kind);
        Assert.Equal(7, root.ChildCount);
        Assert.Equal(7, page.Total);
        Assert.Equal(["run-s1", "run-s2", "run-s3"], page.Nodes.Select(n => n.Label));
        var all = Enumerable.Range(0, 8).SelectMany(i => Tree(root.Id, offset: i, limit: 1).Nodes).Select(n => n.Label).ToList();
        Assert.Equal([.. Enumerable.Range(1, 7).Select(i => $"run-s{i}")], all);
    }

    [Fact]
    public void A_run_repeating_an_old_config_finds_its_twin_beyond_the_comparison_window()
    {
        var baseline = Run("base", 0, ("lr", "0.1"), ("depth", "3"));
        var others = Enumerable.Range(1, LineageForest.Window + 50)
            .Select(i => Run($"o{i}", i, ("lr", $"{i}"), ("depth", $"{i}")))
            .ToArray();
        var repeat = Run("repeat", LineageForest.Window + 100, ("lr", "0.1"), ("depth", "3"));
        _index.Write([baseline, .. others, repeat]);

        var forest = LineageForest.Build(_index.Store.GetExperimentRunParams(IndexFixture.StoreKey, "Default"));

        Assert.Equal(baseline.Id, forest.ParentOf(repeat.Id));
        Assert.Equal(ParamChanges.Same, forest.ChangeOf(repeat.Id));
        Assert.Equal(others.Length + 2, forest.RunCount);
    }

    [Fact]
    public void The_cache_keeps_a_forest_until_the_index_version_moves()
    {
        _index.Write(Run("a", 0, ("lr", "1")));
        var version = 0;
        var cache = new LineageCache(() => version);

        var first = cache.Get(_index.Store, IndexFixture.StoreKey, "Default");
        var again = cache.Get(_index.Store, IndexFixture.StoreKey, "Default");
        _index.Write(Run("b", 10, ("lr", "2")));
        version++;
        var after = cache.Get(_index.Store, IndexFixture.StoreKey, "Default");

        Assert.Same(first, again);
        Assert.Equal(1, first.RunCount);
        Assert.Equal(2, after.RunCount);
    }

    [Fact]
    public void An_unknown_grouping_is_refused()
    {
        _index.Write(Run("a", 0));

        var error = Assert.Throws<ArgumentException>(() => Tree(TreeNodeId.ForStore(IndexFixture.StoreKey).Encode(), grouping: "seeds"));

        Assert.Contains("lineage", error.Message);
    }
}
