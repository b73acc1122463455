using IdeTracker.Core.Configs;
using IdeTracker.Server.Features.Configs;
using static IdeTracker.Server.Tests.Configs.ConfigFixtures;

namespace IdeTracker.Server.Tests.Configs;

public sealed class ConfigDiagnosticsTests
{
    [Fact]
    public void A_value_every_run_of_which_failed_is_an_information_on_the_value()
    {
        var failedRun = Run("x", "run-x", status: "failed", endedAgo: TimeSpan.FromDays(2));
        var results = Key(ValAcc, Value("1", 1, 3, null, failed: 3, bestRun: failedRun), Value("0.1", 0.1, 2, 0.9));
        var entry = Scalar("lr", "1", line: 4);

        var diagnostic = ConfigDiagnostics.ForFailedValue(entry, results, Now)!;

        Assert.Equal("All 3 runs with lr = 1 failed, run-x among them (2 days ago)", diagnostic.Message);
        Assert.Equal(3, diagnostic.Severity);
        Assert.Equal(ConfigDiagnostics.FailedValue, diagnostic.Code);
        Assert.Equal("ide-tracker", diagnostic.Source);
        Assert.Equal(new Protocol.Range(new(4, 4), new(4, 5)), diagnostic.Range);
    }

    [Fact]
    public void A_single_failed_run_is_named_as_the_one()
    {
        var results = Key(ValAcc, Value("1", 1, 1, null, failed: 1, bestRun: Run("x", "run-x", status: "failed")));

        Assert.Equal("The one run with lr = 1 failed: run-x (3 days ago)", ConfigDiagnostics.ForFailedValue(Scalar("lr", "1"), results, Now)!.Message);
    }

    [Fact]
    public void A_value_some_run_of_which_succeeded_or_no_run_tried_says_nothing()
    {
        var results = Key(ValAcc, Value("1", 1, 3, 0.2, failed: 2), Value("2", 2, 1, 0.5));

        Assert.Null(ConfigDiagnostics.ForFailedValue(Scalar("lr", "1"), results, Now));
        Assert.Null(ConfigDiagnostics.ForFailedValue(Scalar("lr", "3"), results, Now));
        Assert.Null(ConfigDiagnostics.ForFailedValue(Scalar("lr", "2"), results, Now));
    }

    [Fact]
    public void The_files_values_whose_last_run_failed_are_said_at_the_top()
    {
        var file = new FileResults(5, 3, null, [], [
            Run("a", "first", status: "finished", endedAgo: TimeSpan.FromDays(5)),
            Run("b", "second", status: "failed", endedAgo: TimeSpan.FromDays(2))]);

        var diagnostic = ConfigDiagnostics.ForFailedConfig(file, Now)!;

        Assert.Equal("This file's values were run 2 times; the last, second, failed 2 days ago", diagnostic.Message);
        Assert.Equal(ConfigDiagnostics.FailedConfig, diagnostic.Code);
        Assert.Equal(SpanRanges.Start, diagnostic.Range);
    }

    [Fact]
    public void The_same_values_run_again_successfully_after_a_failure_say_nothing()
    {
        var file = new FileResults(5, 3, null, [], [
            Run("a", status: "failed", endedAgo: TimeSpan.FromDays(5)),
            Run("b", status: "finished", endedAgo: TimeSpan.FromDays(2))]);

        Assert.Null(ConfigDiagnostics.ForFailedConfig(file, Now));
        Assert.Null(ConfigDiagnostics.ForFailedConfig(new FileResults(5, 3, null, [], []), Now));
    }

    [Fact]
    public void Data_changed_after_the_best_run_finished_is_said_on_the_value()
    {
        var best = Run("r", "resnet-a", 0.9, endedAgo: TimeSpan.FromDays(3));

        var diagnostic = ConfigDiagnostics.ForChangedData(Scalar("data", "data/train.csv"), Now - TimeSpan.FromHours(2), best, Now)!;

        Assert.Equal("data/train.csv changed 2 hours ago, after the best run (resnet-a) finished 3 days ago", diagnostic.Message);
        Assert.Equal(ConfigDiagnostics.DataChanged, diagnostic.Code);
    }

    [Fact]
    public void Data_unchanged_since_the_best_run_or_no_best_run_says_nothing()
    {
        var best = Run("r", endedAgo: TimeSpan.FromDays(3));

        Assert.Null(ConfigDiagnostics.ForChangedData(Scalar("data", "d.csv"), Now - TimeSpan.FromDays(4), best, Now));
        Assert.Null(ConfigDiagnostics.ForChangedData(Scalar("data", "d.csv"), Now, null, Now));
        Assert.Null(ConfigDiagnostics.ForChangedData(Scalar("data", "d.csv"), Now, best with { Start = null, End = null }, Now));
    }
}
