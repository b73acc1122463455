using IdeTracker.Core.Configs;
using IdeTracker.Core.Model;
using static IdeTracker.Core.Tests.Configs.ConfigEntries;
using static IdeTracker.Core.Tests.Configs.ResultsIndex;

namespace IdeTracker.Core.Tests.Configs;

public sealed class ConfigResultsValuesTests : IDisposable
{
    private readonly ResultsIndex index = new();

    [Fact]
    public void Numbers_spelled_differently_are_one_value_named_by_the_commonest_spelling()
    {
        foreach (var spelling in new[] { "0.001", "1e-3", "1e-3", "1E-3", "0.0010", "0.01" })
        {
            index.Add(Params(("optimizer.lr", spelling)), Acc(0.5));
        }

        index.Flush();
        var results = index.Results.ForEntry(Scalar("optimizer.lr", "0.001"));

        Assert.Equal((KeyMatchKind.Exact, 6), (results.Match.Kind, results.Runs));
        Assert.Equal([(0.001, "1e-3", 5), (0.01, "0.01", 1)], results.Values.Select(v => (v.Number!.Value, v.Text, v.Runs)));
        Assert.Same(results.Find("1E-3"), results.Find("0.001"));
        Assert.Equal(5, results.Find(".001")!.Runs);
        Assert.Null(results.Find("0.1"));
    }

    [Fact]
    public void Text_values_are_one_value_whatever_their_case_and_come_after_numbers_by_name()
    {
        foreach (var value in new[] { "adam", "Adam", "ADAM", "sgd", "10", "2", "None" })
        {
            index.Add(Params(("optimizer", value)));
        }

        index.Flush();
        var results = index.Results.ForEntry(Scalar("optimizer", "adam"));

        Assert.Equal(["2", "10", "adam", "None", "sgd"], results.Values.Select(v => v.Text.ToLowerInvariant() == "adam" ? "adam" : v.Text));
        Assert.Equal(3, results.Find("aDaM")!.Runs);
        Assert.Null(results.Find("adam")!.Number);
        Assert.Equal(2.0, results.Find("2.0")!.Number);
    }

    [Fact]
    public void Best_and_mean_are_over_each_runs_best_value_and_the_best_run_is_named()
    {
        index.Add(Params(("lr", "0.1")), Acc(0.5, 0.9, 0.7), name: "peaked");
        index.Add(Params(("lr", "0.1")), Acc(0.6, 0.7), name: "steady");
        index.Add(Params(("lr", "0.2")), Acc(0.95), name: "other");
        index.Flush();

        var value = index.Results.ForEntry(Scalar("lr", "0.1")).Find("0.1")!;

        Assert.Equal(0.9, value.Best);
        Assert.Equal(0.8, value.Mean!.Value, 12);
        Assert.Equal(("peaked", 0.9), (value.BestRun!.Name, value.BestRun.Metric));
        Assert.Equal("finished", value.BestRun.Status);
        Assert.NotNull(value.BestRun.Start);
        Assert.Equal(2, value.RunIds.Count);
        Assert.Equal(value.BestRun.Id, value.RunIds[0]);
        Assert.Equal(0.95, index.Results.ForEntry(Scalar("lr", "0.1")).BestValue!.Best);
    }

    [Fact]
    public void A_lower_is_better_metric_judges_runs_by_their_minimum()
    {
        index.Metric = ValLoss;
        index.Add(Params(("lr", "0.1")), MetricSeries("val_loss", 0.9, 0.3, 0.5), name: "low");
        index.Add(Params(("lr", "0.1")), MetricSeries("val_loss", 0.8, 0.4), name: "higher");
        index.Add(Params(("lr", "0.3")), MetricSeries("val_loss", 0.2, 0.1), name: "best-of-all");
        index.Flush();

        var results = index.Results.ForEntry(Scalar("lr", "0.1"));
        var value = results.Find("0.1")!;

        Assert.Equal(ValLoss, results.Metric);
        Assert.Equal((0.3, 0.35), (value.Best, Math.Round(value.Mean!.Value, 12)));
        Assert.Equal("low", value.BestRun!.Name);
        Assert.Equal("0.3", results.BestValue!.Text);
    }

    [Fact]
    public void NaN_values_and_runs_without_the_metric_are_left_out_of_best_and_mean_but_still_counted()
    {
        index.Add(Params(("lr", "0.1")), Acc(double.NaN, 0.6, double.NaN), name: "some-nan");
        index.Add(Params(("lr", "0.1")), Acc(double.NaN, double.NaN), name: "all-nan");
        index.Add(Params(("lr", "0.1")), MetricSeries("train_acc", 0.99), name: "no-val");
        index.Add(Params(("lr", "0.1")), name: "no-metrics");
        index.Flush();

        var value = index.Results.ForEntry(Scalar("lr", "0.1")).Find("0.1")!;

        Assert.Equal((4, 0.6, 0.6), (value.Runs, value.Best, value.Mean));
        Assert.Equal("some-nan", value.BestRun!.Name);
        Assert.Equal(4, value.RunIds.Count);
        Assert.Equal(value.BestRun.Id, value.RunIds[0]);
    }

    [Fact]
    public void A_value_no_run_has_the_metric_for_has_no_best_run_and_no_best_value()
    {
        index.Add(Params(("lr", "0.1")), MetricSeries("train_loss", 0.3));
        index.Flush();

        var results = index.Results.ForEntry(Scalar("lr", "0.1"));

        Assert.Equal((null, null, null), (results.Values[0].Best, results.Values[0].Mean, results.Values[0].BestRun));
        Assert.Null(results.BestValue);
        Assert.Single(results.Values[0].RunIds);
    }

    [Fact]
    public void Without_a_main_metric_values_still_count_their_runs()
    {
        index.Metric = null;
        index.Add(Params(("lr", "0.1")), Acc(0.5));
        index.Add(Params(("lr", "0.2")), Acc(0.7));
        index.Flush();

        var results = index.Results.ForEntry(Scalar("lr", "0.1"));

        Assert.Null(results.Metric);
        Assert.Equal([1, 1], results.Values.Select(v => v.Runs));
        Assert.All(results.Values, v => Assert.Null(v.Best));
        Assert.Null(results.BestValue);
    }

    [Fact]
    public void Failed_and_killed_runs_are_counted_as_failed_and_running_ones_are_not()
    {
        index.Add(Params(("lr", "0.1")), Acc(0.5), RunStatus.Failed);
        index.Add(Params(("lr", "0.1")), Acc(0.5), RunStatus.Killed);
        index.Add(Params(("lr", "0.1")), Acc(0.5), RunStatus.Running);
        index.Add(Params(("lr", "0.1")), Acc(0.5));
        index.Flush();

        var value = index.Results.ForEntry(Scalar("lr", "0.1")).Values.Single();

        Assert.Equal((4, 2), (value.Runs, value.Failed));
    }

    [Fact]
    public void A_hydra_defaults_item_reads_the_values_of_its_choice_tag()
    {
        index.Add(Params(("optimizer.lr", "0.1")), Acc(0.7), tags: new Dictionary<string, string> { ["hydra.choice.optimizer"] = "adam" });
        index.Add(Params(("optimizer.lr", "0.1")), Acc(0.9), tags: new Dictionary<string, string> { ["hydra.choice.optimizer"] = "Adam" });
        index.Add(Params(("optimizer.lr", "0.1")), Acc(0.8), RunStatus.Failed, new Dictionary<string, string> { ["hydra.choice.optimizer"] = "sgd" });
        index.Flush();

        var results = index.Results.ForEntry(HydraDefault("optimizer", "adam"));

        Assert.Equal((KeyMatchKind.HydraChoice, "hydra.choice.optimizer", 3), (results.Match.Kind, results.Match.Key, results.Runs));
        Assert.Equal((2, 0.9), (results.Find("adam")!.Runs, results.Find("adam")!.Best));
        Assert.Equal(1, results.Find("sgd")!.Failed);
    }

    [Fact]
    public void Keys_that_match_nothing_or_too_much_have_no_values_and_read_nothing()
    {
        index.Add(Params(("model.lr", "0.1"), ("head.lr", "0.2")));
        index.Flush();

        var missing = index.Results.ForEntry(Scalar("dropout", "0.1"));
        var ambiguous = index.Results.ForEntry(Scalar("lr", "0.1"));

        Assert.Equal((KeyMatchKind.NotFound, 0), (missing.Match.Kind, missing.Values.Count));
        Assert.Equal((KeyMatchKind.Ambiguous, 0, 0), (ambiguous.Match.Kind, ambiguous.Values.Count, ambiguous.Runs));
        Assert.Equal(["head.lr", "model.lr"], ambiguous.Match.Candidates);
        Assert.Equal(0, index.Results.KeyReads);
    }

    public void Dispose() => index.Dispose();
}
