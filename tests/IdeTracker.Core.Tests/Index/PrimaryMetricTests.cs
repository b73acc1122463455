using IdeTracker.Core.Index;

namespace IdeTracker.Core.Tests.Index;

public sealed class PrimaryMetricTests
{
    [Fact]
    public void A_configured_metric_wins_with_its_configured_direction()
    {
        var keys = Keys(("val_acc", 10), ("throughput", 2));

        Assert.Equal(new MetricChoice("throughput", false, true), PrimaryMetric.Choose(keys, "throughput", "minimize"));
        Assert.Equal(new MetricChoice("throughput", true, true), PrimaryMetric.Choose(keys, " throughput ", "max"));
    }

    [Fact]
    public void A_configured_metric_takes_the_spelling_of_the_runs_and_a_direction_from_its_name()
    {
        Assert.Equal(new MetricChoice("Val_Loss", false, true), PrimaryMetric.Choose(Keys(("Val_Loss", 3)), "val_loss", null));
        Assert.Equal(new MetricChoice("bleu_dev", true, true), PrimaryMetric.Choose([], "bleu_dev", null));
        Assert.Equal(new MetricChoice("custom", true, true), PrimaryMetric.Choose([], "custom", "sideways"));
    }

    [Fact]
    public void Held_out_metrics_beat_training_ones()
    {
        Assert.Equal(new MetricChoice("val_loss", false, false), PrimaryMetric.Choose(Keys(("train_acc", 50), ("val_loss", 5)), null, null));
        Assert.Equal("test/f1", PrimaryMetric.Choose(Keys(("train/f1", 9), ("test/f1", 9)), null, null)!.Key);
        Assert.Equal("evalAccuracy", PrimaryMetric.Choose(Keys(("trainAccuracy", 9), ("evalAccuracy", 1)), null, null)!.Key);
    }

    [Fact]
    public void Unmarked_metrics_sit_between_held_out_and_training_ones()
    {
        Assert.Equal("accuracy", PrimaryMetric.Choose(Keys(("train_acc", 9), ("accuracy", 1)), null, null)!.Key);
        Assert.Equal("valid_error", PrimaryMetric.Choose(Keys(("accuracy", 9), ("valid_error", 1)), null, null)!.Key);
    }

    [Fact]
    public void Higher_is_better_names_beat_lower_is_better_ones()
    {
        var choice = PrimaryMetric.Choose(Keys(("val_loss", 20), ("val_acc", 10), ("val_rmse", 30)), null, null);

        Assert.Equal(new MetricChoice("val_acc", true, false), choice);
    }

    [Fact]
    public void The_metric_more_runs_report_wins_a_tie()
    {
        Assert.Equal("val_auc", PrimaryMetric.Choose(Keys(("val_f1", 3), ("val_auc", 7)), null, null)!.Key);
        Assert.Equal("val_auc", PrimaryMetric.Choose(Keys(("val_f1", 7), ("val_auc", 7)), null, null)!.Key);
    }

    [Fact]
    public void Words_are_matched_whole_not_as_substrings()
    {
        Assert.Equal("accuracy", PrimaryMetric.Choose(Keys(("interval_loss", 9), ("accuracy", 1)), null, null)!.Key);
        Assert.Equal(new MetricChoice("val_acc1", true, false), PrimaryMetric.Choose(Keys(("val_acc1", 1), ("val_accumulated", 5)), null, null));
    }

    [Fact]
    public void Metrics_that_say_no_direction_are_never_chosen()
    {
        Assert.Null(PrimaryMetric.Choose(Keys(("epoch", 10), ("lr-Adam", 10), ("val_time", 3)), null, null));
        Assert.Null(PrimaryMetric.Choose([], null, null));
        Assert.Null(PrimaryMetric.Choose([], "  ", null));
        Assert.Equal("mse", PrimaryMetric.Choose(Keys(("epoch", 10), ("mse", 1)), null, null)!.Key);
    }

    private static List<MetricKeyCount> Keys(params (string Key, int Runs)[] keys) =>
        [.. keys.Select(k => new MetricKeyCount(k.Key, k.Runs))];

    [Theory]
    [InlineData("val_loss", false)]
    [InlineData("test/error", false)]
    [InlineData("trainRmse", false)]
    [InlineData("perplexity", false)]
    [InlineData("val_acc", true)]
    [InlineData("throughput", true)]
    [InlineData("interval", true)]
    public void The_direction_of_a_metric_comes_from_its_name_and_is_higher_when_it_does_not_say(string key, bool higher)
    {
        Assert.Equal(higher, PrimaryMetric.IsHigherBetter(key));
    }
}
