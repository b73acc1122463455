using IdeTracker.Core.Configs;
using IdeTracker.Server.Features.Configs;
using static IdeTracker.Server.Tests.Configs.ConfigFixtures;

namespace IdeTracker.Server.Tests.Configs;

public sealed class HintLabelsTests
{
    private static readonly KeyResults Lr = Key(ValAcc, Value("0.001", 0.001, 14, 0.93412, 0.9), Value("0.01", 0.01, 1, 1234567.0));

    [Fact]
    public void A_tried_value_shows_its_best_compactly_and_its_run_count()
    {
        Assert.Equal("← best 0.9341 (14 runs)", HintLabels.Label(Scalar("lr", "1e-3"), Lr));
        Assert.Equal("← best 1.235e+6 (1 run)", HintLabels.Label(Scalar("lr", "0.01"), Lr));
    }

    [Fact]
    public void A_new_value_of_a_matched_key_is_not_tried_yet()
    {
        Assert.Equal("← not tried yet", HintLabels.Label(Scalar("lr", "0.1"), Lr));
    }

    [Fact]
    public void Keys_that_match_nothing_or_several_params_get_no_hint()
    {
        Assert.Null(HintLabels.Label(Scalar("lr", "0.001"), new KeyResults(KeyMatch.NotFound, ValAcc, 0, [])));
        Assert.Null(HintLabels.Label(Scalar("lr", "0.001"), new KeyResults(new KeyMatch(KeyMatchKind.Ambiguous, null, ["a.lr", "b.lr"]), ValAcc, 0, [])));
    }

    [Fact]
    public void Without_a_metric_the_hint_counts_runs()
    {
        Assert.Equal("← 14 runs", HintLabels.Label(Scalar("lr", "0.001"), Lr with { Metric = null }));
    }

    [Fact]
    public void The_tooltip_names_the_metric()
    {
        var tooltip = HintLabels.Tooltip(Scalar("lr", "1e-3"), Lr);

        Assert.StartsWith("Best **val\\_acc** of the 14 runs with **lr** = **1e\\-3**: 0.9341 (mean 0.9).", tooltip);
        Assert.Contains("_Main metric **val\\_acc**, higher is better", tooltip);
        Assert.Contains("No run used **lr** = **0\\.1** yet; 15 runs tried 2 other values.", HintLabels.Tooltip(Scalar("lr", "0.1"), Lr));
    }

    [Fact]
    public void The_tooltip_escapes_the_key_and_value()
    {
        var entry = new ConfigEntry(["<b>k</b>"], TextSpan.OnLine(0, 0, 8), TextSpan.OnLine(0, 10, 20), "[x](command:evil) *y*", ConfigEntryKind.Scalar);

        var tooltip = HintLabels.Tooltip(entry, Lr);

        Assert.DoesNotContain("<b>", tooltip);
        Assert.DoesNotContain("[x]", tooltip);
        Assert.DoesNotContain("*y*", tooltip);
        Assert.Contains("\\<b\\>k\\</b\\>", tooltip);
    }
}
