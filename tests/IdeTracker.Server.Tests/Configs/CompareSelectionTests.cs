using IdeTracker.Server.Features.Configs;
using static IdeTracker.Server.Tests.Configs.ConfigFixtures;

namespace IdeTracker.Server.Tests.Configs;

public sealed class CompareSelectionTests
{
    [Fact]
    public void A_keys_runs_start_with_each_values_best_run_best_value_first_then_each_values_next()
    {
        var results = Key(ValLoss, Value("a", null, 2, 0.5), Value("b", null, 1, 0.2), Value("c", null, 3, double.NaN));

        Assert.Equal(["b-0", "a-0", "c-0", "a-1", "c-1", "c-2"], CompareSelection.ForKey(results));
    }

    [Fact]
    public void Compare_is_capped_so_the_panel_stays_readable()
    {
        var results = Key(ValAcc, Value("a", null, 400, 0.5), Value("b", null, 300, 0.6));

        var ids = CompareSelection.ForKey(results);

        Assert.Equal(CompareSelection.MaxRuns, ids.Count);
        Assert.Equal(["b-0", "a-0", "b-1"], ids.Take(3));
        Assert.Equal(CompareSelection.MaxRuns, CompareSelection.Cap(results.Values[0].RunIds).Count);
    }

    [Fact]
    public void With_more_values_than_the_cap_the_leaders_are_the_same_as_a_full_ranking_would_give()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 2000)
            .Select(i => Value($"v{i}", i, 1 + random.Next(3), random.Next(10) == 0 ? null : Math.Round(random.NextDouble(), 2)))
            .ToArray();
        var results = Key(ValAcc, values);
        var expected = values
            .OrderBy(v => v.Best is null ? 1 : 0)
            .ThenByDescending(v => v.Best ?? 0)
            .ThenByDescending(v => v.Runs)
            .Take(CompareSelection.MaxRuns)
            .Select(v => v.RunIds[0]);

        Assert.Equal(expected, CompareSelection.ForKey(results));
    }
}
