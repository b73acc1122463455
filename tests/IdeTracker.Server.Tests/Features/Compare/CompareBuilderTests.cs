using IdeTracker.Core.Annotations;
using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Server.Features.Compare;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Tests.Features.Compare;

public sealed class CompareBuilderTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(IndexFixture.StartMs) + TimeSpan.FromDays(3);
    private static readonly MetricChoice ValAcc = new("val_acc", true, false);
    private readonly IndexFixture _index = new();
    private readonly Run _a;
    private readonly Run _b;
    private readonly Run _c;

    public CompareBuilderTests()
    {
        _a = _index.NewRun("a", startOffsetMs: 0, gitCommit: "abc123", gitDirty: false);
        _b = _index.NewRun("b", startOffsetMs: 1000, gitCommit: "abc123", gitDirty: true);
        _c = _index.NewRun("c", experiment: "Other", startOffsetMs: 2000);
        _a.Params["lr"] = "0.001";
        _b.Params["lr"] = "1e-3";
        _c.Params["lr"] = "0.001";
        _a.Params["layer10.width"] = "64";
        _a.Params["layer2.width"] = "64";
        _b.Params["layer2.width"] = "64";
        _c.Params["layer2.width"] = "128";
        _a.Params["optimizer"] = "adam";
        _b.Params["optimizer"] = "adam";
        _c.Params["optimizer"] = "adam";
        _a.Metrics["val_acc"] = IndexFixture.Points(0.5, 0.9, 0.8);
        _b.Metrics["val_acc"] = IndexFixture.Points(0.6, 0.7);
        _a.Metrics["val_loss"] = IndexFixture.Points(1.0, 0.4, 0.5);
        _b.Metrics["val_loss"] = IndexFixture.Points(0.9, 0.3);
        _c.Metrics["val_loss"] = IndexFixture.Points(double.NaN, double.NaN);
        _b.Metrics["throughput"] = IndexFixture.Points(100, 120);
        _a.Tags["team"] = "vision";
        _a.Packages["torch"] = "2.3.0";
        _b.Packages["torch"] = "2.4.0";
        _a.Environment["python"] = "3.11.4";
        _b.Environment["python"] = "3.11.4";
        _index.Write(_a, _b, _c);
    }

    public void Dispose() => _index.Dispose();

    private CompareResult Compare(MetricChoice? main, params string[] ids) =>
        new CompareBuilder(_index.Store, main, Now).Build(new CompareParams { RunIds = ids });

    [Fact]
    public void A_run_whose_files_are_gone_is_compared_from_its_annotation_snapshot_and_says_so()
    {
        var details = _index.Store.GetRunDetails(_a.Id, null)!;
        var file = Path.Combine(AnnotationFolder.Of(_index.Workspace), _a.Id + ".json");
        _index.Store.ReplaceAnnotations([new AnnotationRow(_a.Id, true, ["kept"], null, file, RunSnapshots.From(details, _index.Workspace, Now))], []);
        _index.Store.RemoveUnits([_a.Directory]);

        var result = Compare(ValAcc, _a.Id, _b.Id);

        Assert.Empty(result.Missing);
        var gone = result.Runs[0];
        Assert.Equal((_a.Id, true, true), (gone.Id, gone.Gone, gone.Starred));
        Assert.Contains("kept", gone.Tags);
        Assert.Null(result.Runs[1].Gone);
        Assert.Equal("0.001", result.Params.Single(p => p.Key == "lr").Values[0]);
    }

    [Fact]
    public void Runs_come_in_the_order_given_each_once_with_unknown_ids_listed_as_missing()
    {
        var result = Compare(ValAcc, _c.Id, "nope", _a.Id, _c.Id);

        Assert.Equal([_c.Id, _a.Id], result.Runs.Select(r => r.Id));
        Assert.Equal(["nope"], result.Missing);
        var c = result.Runs[0];
        Assert.Equal("run-c", c.Name);
        Assert.Equal("Other", c.Experiment);
        Assert.Equal("mlflow", c.Source);
        Assert.Equal("finished", c.Status);
        Assert.Equal("3 days ago", result.Runs[1].TimeAgo);
        Assert.Equal("2023-11-14T22:13:22.000Z", c.StartTime);
        Assert.Equal(_c.Directory, c.Path);
    }

    [Fact]
    public void Param_rows_are_the_union_in_natural_order_and_differ_only_when_values_do()
    {
        var result = Compare(ValAcc, _a.Id, _b.Id, _c.Id);

        Assert.Equal(["layer2.width", "layer10.width", "lr", "optimizer"], result.Params.Select(p => p.Key));
        var rows = result.Params.ToDictionary(p => p.Key);
        Assert.Equal(["64", "64", "128"], rows["layer2.width"].Values);
        Assert.True(rows["layer2.width"].Differs);
        Assert.Equal(["64", null, null], rows["layer10.width"].Values);
        Assert.True(rows["layer10.width"].Differs, "a run without the param differs from one with it");
        Assert.Equal(["0.001", "1e-3", "0.001"], rows["lr"].Values);
        Assert.False(rows["lr"].Differs, "0.001 and 1e-3 are one number");
        Assert.False(rows["optimizer"].Differs);
    }

    [Fact]
    public void Metric_rows_lead_with_the_main_metric_and_mark_the_best_run_by_direction()
    {
        var result = Compare(ValAcc, _a.Id, _b.Id, _c.Id);

        Assert.Equal("val_acc", result.MainMetric);
        Assert.Equal(["val_acc", "val_loss", "throughput"], result.Metrics.Select(m => m.Key));
        var acc = result.Metrics[0];
        Assert.True(acc.HigherIsBetter);
        Assert.Equal(0, acc.BestIndex);
        Assert.Equal(new CompareMetricCell(0.8, 0.5, 0.9, 0.9, 3, 2), acc.Values[0]);
        Assert.Null(acc.Values[2]);
        var loss = result.Metrics[1];
        Assert.False(loss.HigherIsBetter);
        Assert.Equal(0.3, loss.Values[1]!.Best);
        Assert.Equal(1, loss.BestIndex);
        Assert.True(double.IsNaN(loss.Values[2]!.Best), "a run whose values are all NaN has a NaN best and is never the best");
        Assert.Equal(
            [new MetricKeyDto("val_loss", 3), new MetricKeyDto("val_acc", 2), new MetricKeyDto("throughput", 1)],
            result.MetricKeys);
    }

    [Fact]
    public void A_configured_direction_wins_for_the_main_metric()
    {
        var result = Compare(new MetricChoice("val_loss", true, true), _a.Id, _b.Id);

        var loss = result.Metrics[0];
        Assert.Equal("val_loss", loss.Key);
        Assert.True(loss.HigherIsBetter);
        Assert.Equal(0, loss.BestIndex);
        Assert.Equal(1.0, loss.Values[0]!.Best);
    }

    [Fact]
    public void No_run_with_a_finite_value_means_no_best_run()
    {
        var result = Compare(null, _c.Id);

        Assert.Null(result.MainMetric);
        Assert.Null(Assert.Single(result.Metrics).BestIndex);
    }

    [Fact]
    public void Chosen_metric_keys_are_the_rows_in_the_order_given()
    {
        var result = new CompareBuilder(_index.Store, ValAcc, Now).Build(new CompareParams
        {
            RunIds = [_a.Id, _b.Id],
            MetricKeys = ["throughput", "bleu", "val_acc"],
        });

        Assert.Equal(["throughput", "bleu", "val_acc"], result.Metrics.Select(m => m.Key));
        Assert.Equal([null, null], result.Metrics[1].Values);
        Assert.Null(result.Metrics[1].BestIndex);
        Assert.Equal(1, result.Metrics[0].BestIndex);
    }

    [Fact]
    public void Without_chosen_keys_at_most_fifty_metrics_besides_the_main_one_are_shown_the_most_reported_first()
    {
        var wide = _index.NewRun("wide", startOffsetMs: 5000);
        for (var i = 0; i < 70; i++)
        {
            wide.Metrics[$"m{i}"] = IndexFixture.Points(i);
        }

        wide.Metrics["val_acc"] = IndexFixture.Points(0.1);
        _index.Write(wide);

        var result = Compare(ValAcc, wide.Id, _b.Id);

        Assert.Equal(1 + CompareMetrics.DefaultKeys, result.Metrics.Count);
        Assert.Equal(["val_acc", "m0", "m1"], result.Metrics.Take(3).Select(m => m.Key));
        Assert.Equal(73, result.MetricKeys.Count);
        Assert.Equal("val_acc", result.MetricKeys[0].Key);
    }

    [Fact]
    public void Environment_rows_hold_git_packages_and_environment_with_their_differences()
    {
        var result = Compare(ValAcc, _a.Id, _b.Id);

        Assert.Equal(["git.commit", "git.dirty", "package.torch", "env.python"], result.Environment.Select(e => e.Key));
        var rows = result.Environment.ToDictionary(e => e.Key);
        Assert.False(rows["git.commit"].Differs);
        Assert.Equal(["false", "true"], rows["git.dirty"].Values);
        Assert.True(rows["git.dirty"].Differs);
        Assert.True(rows["package.torch"].Differs);
        Assert.False(rows["env.python"].Differs);
    }

    [Fact]
    public void Stars_and_user_tags_come_from_the_annotation_tables_before_the_sources_tags()
    {
        _index.Execute(
            "INSERT INTO annotations(run_id, starred, note, file) VALUES ($a, 1, NULL, 'a.json'); INSERT INTO annotation_tags VALUES ($a, 'baseline')",
            ("$a", _a.Id));

        var result = Compare(ValAcc, _a.Id, _b.Id);

        Assert.True(result.Runs[0].Starred);
        Assert.Equal(["baseline", "team=vision"], result.Runs[0].Tags);
        Assert.False(result.Runs[1].Starred);
        Assert.Empty(result.Runs[1].Tags);
    }

    [Fact]
    public void More_than_five_hundred_runs_are_refused_saying_the_limit()
    {
        var ids = Enumerable.Range(0, CompareBuilder.MaxRuns + 1).Select(i => $"run{i}").ToArray();

        var error = Assert.Throws<ArgumentException>(() => Compare(ValAcc, ids));

        Assert.Contains("at most 500 runs", error.Message);
    }

    [Fact]
    public void More_than_five_hundred_chosen_metric_keys_are_refused_saying_the_limit()
    {
        var keys = Enumerable.Range(0, CompareBuilder.MaxMetricKeys + 1).Select(i => $"m{i}").ToArray();

        var error = Assert.Throws<ArgumentException>(() =>
            new CompareBuilder(_index.Store, ValAcc, Now).Build(new CompareParams { RunIds = [_a.Id], MetricKeys = keys }));

        Assert.Contains("at most 500 metric rows", error.Message);
    }
}
