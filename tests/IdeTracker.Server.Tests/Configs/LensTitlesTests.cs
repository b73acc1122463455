using IdeTracker.Core.Configs;
using IdeTracker.Server.Features.Configs;
using static IdeTracker.Server.Tests.Configs.ConfigFixtures;

namespace IdeTracker.Server.Tests.Configs;

public sealed class LensTitlesTests
{
    private static readonly KeyResults Lr = Key(
        ValAcc,
        Value("3e-4", 3e-4, 6, 0.9341),
        Value("0.001", 0.001, 5, 0.93),
        Value("0.01", 0.01, 3, 0.8));

    [Fact]
    public void A_tried_value_shows_the_keys_runs_and_its_best_value_as_runs_wrote_it()
    {
        Assert.Equal("14 runs · best val_acc 0.9341 at 3e-4 · compare", LensTitles.ForKey(Scalar("lr", "0.001"), Lr));
    }

    [Fact]
    public void The_best_value_is_spelled_as_the_file_writes_it_when_it_is_the_files_value()
    {
        Assert.Equal("14 runs · best val_acc 0.9341 at 0.0003 · compare", LensTitles.ForKey(Scalar("lr", "0.0003"), Lr));
    }

    [Fact]
    public void A_new_value_says_so_and_how_many_others_were_tried()
    {
        Assert.Equal("new value · 14 runs tried 3 other values · best val_acc 0.9341 at 3e-4", LensTitles.ForKey(Scalar("lr", "0.5"), Lr));
    }

    [Fact]
    public void Without_a_metric_the_lens_counts_runs_and_values()
    {
        Assert.Equal("14 runs · 3 values · compare", LensTitles.ForKey(Scalar("lr", "0.01"), Lr with { Metric = null }));
    }

    [Fact]
    public void A_metric_no_run_reports_is_said_not_shown_as_a_number()
    {
        var results = Key(ValLoss, Value("a", null, 2, null));

        Assert.Equal("2 runs · no val_loss reported · compare", LensTitles.ForKey(Scalar("k", "a"), results));
    }

    [Fact]
    public void The_file_lens_names_the_best_run_and_when()
    {
        var file = new FileResults(142, 4, Run("r1", "resnet-a", 0.951), ["r1", "r2"], []);

        Assert.Equal("142 runs used this file · best val_acc 0.951 (resnet-a, 3 days ago) · open in compare", LensTitles.ForFile(file, ValAcc, Now));
        Assert.Equal("142 runs used this file · open in compare", LensTitles.ForFile(file, null, Now));
    }

    [Fact]
    public void A_file_no_run_used_says_why()
    {
        Assert.Equal("no run records this file's keys", LensTitles.ForFile(new FileResults(0, 0, null, [], []), ValAcc, Now));
        Assert.Equal("no run records this file's keys", LensTitles.ForFile(new FileResults(0, 3, null, [], []) { RecordedKeys = 0 }, ValAcc, Now));
    }

    [Fact]
    public void A_file_whose_keys_no_run_records_together_says_how_many_the_runs_record()
    {
        var file = new FileResults(40, 7, Run("r1", "resnet-a", 0.951), ["r1"], []) { RecordedKeys = 5 };

        Assert.Equal("40 runs used 5 of this file's 7 matched keys · best val_acc 0.951 (resnet-a, 3 days ago) · open in compare", LensTitles.ForFile(file, ValAcc, Now));
    }
}
