using IdeTracker.Core.Configs;
using IdeTracker.Server.Features.Configs;
using static IdeTracker.Server.Tests.Configs.ConfigFixtures;

namespace IdeTracker.Server.Tests.Configs;

public sealed class HoverCardTests
{
    private static readonly KeyResults Tried = Key(
        ValAcc,
        Value("1e-4", 1e-4, 3, 0.91, 0.9),
        Value("0.001", 0.001, 14, 0.934, 0.912, failed: 2),
        Value("0.01", 0.01, 5, 0.88, 0.85));

    [Fact]
    public void A_tried_value_shows_its_runs_best_and_mean_and_best_run_with_links()
    {
        var card = HoverCard.ForValue(Scalar("optimizer.lr", "1e-3"), Tried, Now);

        Assert.Contains("**optimizer\\.lr** = **1e\\-3**", card);
        Assert.Contains("**14 runs** used this value (2 failed).", card);
        Assert.Contains("val\\_acc: best **0.934** · mean 0.912", card);
        Assert.Contains("Best run **run 0\\.001** in exp, 3 days ago", card);
        var links = DecodeLinks(card);
        Assert.Equal(CommandLinks.RevealRun, links[0].Command);
        Assert.Equal(["0.001-0"], links[0].Arguments.EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(CommandLinks.CompareRunIds, links[1].Command);
        Assert.Single(links[1].Arguments.EnumerateArray());
        Assert.Equal(Enumerable.Range(0, 14).Select(i => $"0.001-{i}"), links[1].Arguments[0].EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void A_tried_value_lists_the_other_values_with_the_best_starred_and_its_own_row_in_the_files_spelling()
    {
        var card = HoverCard.ForValue(Scalar("optimizer.lr", "1e-3"), Tried, Now);

        Assert.Contains("| value | runs | best val\\_acc |", card);
        Assert.Contains("| 1e\\-4 | 3 | 0.91 |", card);
        Assert.Contains("| **1e\\-3** ◀ this file | 14 (2 failed) | **0.934** ★ |", card);
        Assert.Contains("| 0\\.01 | 5 | 0.88 |", card);
    }

    [Fact]
    public void A_never_tried_value_says_so_plainly_and_still_shows_what_was_tried_with_its_own_row_where_it_sorts()
    {
        var card = HoverCard.ForValue(Scalar("lr", "0.005"), Tried, Now);

        Assert.Contains("**Never tried**: no run used this value. 22 runs tried 3 other values.", card);
        var rows = card.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.Equal(["| 1e\\-4 | 3 | 0.91 |", "| 0\\.001 | 14 (2 failed) | **0.934** ★ |", "| **0\\.005** ◀ this file | 0 | — |", "| 0\\.01 | 5 | 0.88 |"], rows);
        Assert.DoesNotContain("Best run", card);
    }

    [Fact]
    public void A_key_card_summarises_the_values_tried_and_names_the_best()
    {
        var card = HoverCard.ForKey(Scalar("lr", "0.01"), Tried, Now);

        Assert.Contains("22 runs set it to 3 values.", card);
        Assert.Contains("Best value **0\\.001**: val\\_acc 0.934 (14 runs)", card);
        Assert.Contains("| **0\\.01** ◀ this file | 5 | 0.88 |", card);
        var compare = DecodeLinks(card).Single(l => l.Command == CommandLinks.CompareRunIds);
        Assert.Equal(["0.001-0", "1e-4-0", "0.01-0", "0.001-1"], compare.Arguments[0].EnumerateArray().Take(4).Select(a => a.GetString()));
    }

    [Fact]
    public void An_ambiguous_key_names_the_params_it_could_be_and_shows_no_results()
    {
        var results = new KeyResults(new KeyMatch(KeyMatchKind.Ambiguous, null, ["encoder.lr", "decoder.lr"]), ValAcc, 0, []);

        var card = HoverCard.ForAmbiguousKey(Scalar("lr", "0.1"), results);

        Assert.Contains("could be any of these run params: **encoder\\.lr**, **decoder\\.lr**", card);
        Assert.DoesNotContain("| value", card);
        Assert.Contains("Main metric **val\\_acc**", card);
    }

    [Fact]
    public void Without_a_metric_the_card_says_so_and_shows_counts_only()
    {
        var results = Key(null, Value("adam", null, 4, null), Value("sgd", null, 2, null));

        var card = HoverCard.ForValue(Scalar("optimizer", "adam"), results, Now);

        Assert.Contains("**4 runs** used this value.", card);
        Assert.Contains("_No main metric:", card);
        Assert.Contains("| value | runs |\n", card);
        Assert.Contains("| sgd | 2 |", card);
        Assert.DoesNotContain("best", card.Replace("better", string.Empty), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_card_names_the_metric_its_direction_and_whether_it_was_set_or_inferred()
    {
        var inferred = HoverCard.ForValue(Scalar("lr", "0.01"), Tried, Now);
        var set = HoverCard.ForKey(Scalar("lr", "0.01"), Tried with { Metric = ValLoss }, Now);

        Assert.EndsWith("_Main metric **val\\_acc**, higher is better (inferred from the metric names; set `ideTracker.primaryMetric` to choose)._", inferred);
        Assert.EndsWith("_Main metric **val\\_loss**, lower is better (set in `ideTracker.primaryMetric`)._", set);
    }

    [Fact]
    public void With_a_lower_is_better_metric_the_lowest_best_is_the_best_value()
    {
        var results = Key(ValLoss, Value("16", 16, 2, 0.40), Value("32", 32, 2, 0.31), Value("64", 64, 2, 0.35));

        var card = HoverCard.ForKey(Scalar("batch", "64"), results, Now);

        Assert.Contains("Best value **32**: val\\_loss 0.31 (2 runs)", card);
        Assert.Contains("| 32 | 2 | **0.31** ★ |", card);
        Assert.Contains("▁█▅ best val\\_loss by value, 16 → 64 (taller is better)", card);
    }

    [Fact]
    public void NaN_and_infinite_metrics_are_shown_as_such_and_never_judged_best()
    {
        var results = Key(ValAcc, Value("1", 1, 1, double.NaN), Value("2", 2, 1, 0.5), Value("inf", double.PositiveInfinity, 1, double.NegativeInfinity));

        var card = HoverCard.ForValue(Scalar("lr", "1"), results, Now);

        Assert.Contains("val\\_acc: best **NaN**", card);
        Assert.Contains("| **1** ◀ this file | 1 | NaN |", card);
        Assert.Contains("| 2 | 1 | **0.5** ★ |", card);
        Assert.Contains("| inf | 1 | −∞ |", card);
        Assert.DoesNotContain("▁", card);
    }

    [Fact]
    public void Hostile_run_names_values_and_keys_are_escaped_everywhere()
    {
        const string Hostile = "<script>alert(1)</script> *x* |y| `z` [a](command:evil)";
        var bad = Run("id)](command:evil)", Hostile, 0.9);
        var results = Key(ValAcc, Value(Hostile, null, 2, 0.9, bestRun: bad), Value("other|\nrow", null, 1, 0.5));

        var card = HoverCard.ForValue(new ConfigEntry(["k<b>", "*x*"], TextSpan.OnLine(0, 0, 3), TextSpan.OnLine(0, 5, 9), Hostile, ConfigEntryKind.Scalar), results, Now);

        Assert.DoesNotContain("<script>", card);
        Assert.DoesNotContain("<b>", card);
        Assert.DoesNotContain("*x*", card);
        Assert.DoesNotContain("[a]", card);
        Assert.DoesNotContain("(command:evil)", card);
        Assert.Contains("\\<script\\>", card);
        Assert.Contains("| other\\| row | 1 | 0.5 |", card);
        Assert.Equal(["id)](command:evil)"], DecodeLinks(card)[0].Arguments.EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Many_values_are_capped_to_the_rows_from_just_above_the_files_value_plus_the_best_and_say_how_many_more()
    {
        var values = Enumerable.Range(1, 42).Select(i => Value(i.ToString(), i, 1, i == 2 ? 0.99 : 0.5 + (i / 1000.0))).ToArray();

        var card = HoverCard.ForValue(Scalar("layers", "30"), Key(ValAcc, values), Now);

        var rows = card.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.Equal(ValueTable.MaxRows + 1, rows.Count);
        Assert.StartsWith("| 2 | 1 | **0.99** ★ |", rows[0]);
        Assert.StartsWith("| 28 |", rows[1]);
        Assert.StartsWith("| 39 |", rows[^1]);
        Assert.Contains("| **30** ◀ this file |", card);
        Assert.Contains("… and 29 more values", card);
    }
}
