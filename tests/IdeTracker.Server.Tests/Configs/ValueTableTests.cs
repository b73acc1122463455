using IdeTracker.Server.Features.Configs;
using static IdeTracker.Server.Tests.Configs.ConfigFixtures;

namespace IdeTracker.Server.Tests.Configs;

public sealed class ValueTableTests
{
    [Fact]
    public void The_window_starts_two_rows_above_the_files_value_and_stays_inside_the_list()
    {
        Assert.Equal(Enumerable.Range(28, 12), ValueTable.Shown(42, 30, -1));
        Assert.Equal(Enumerable.Range(0, 12), ValueTable.Shown(42, 2, -1));
        Assert.Equal(Enumerable.Range(30, 12), ValueTable.Shown(42, 41, -1));
        Assert.Equal(Enumerable.Range(0, 5), ValueTable.Shown(5, 4, 0));
    }

    [Fact]
    public void The_best_row_is_shown_even_outside_the_window_in_its_place()
    {
        var shown = ValueTable.Shown(42, 30, 40);

        Assert.Equal(13, shown.Count);
        Assert.Equal(40, shown[^1]);
        Assert.Equal(28, shown[0]);
    }

    [Fact]
    public void Text_values_never_tried_sort_after_the_numbers_by_name()
    {
        var results = Key(ValAcc, Value("1", 1, 1, 0.5), Value("adam", null, 2, 0.6), Value("sgd", null, 2, 0.4));

        var table = ValueTable.Markdown(results, null, "rmsprop");

        var rows = table.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1).Select(r => r.Split('|')[1].Trim()).ToList();
        Assert.Equal(["1", "adam", "**rmsprop** ◀ this file", "sgd"], rows);
    }

    [Fact]
    public void Without_a_metric_there_is_no_best_column_and_nothing_is_starred()
    {
        var table = ValueTable.Markdown(Key(null, Value("a", null, 1, null), Value("b", null, 3, null)), null, null);

        Assert.StartsWith("| value | runs |\n|:--|--:|\n| a | 1 |\n| b | 3 |\n", table);
        Assert.DoesNotContain(ValueTable.BestMark, table);
        Assert.DoesNotContain("more value", table);
    }
}
