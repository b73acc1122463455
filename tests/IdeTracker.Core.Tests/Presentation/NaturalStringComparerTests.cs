using IdeTracker.Core.Presentation;

namespace IdeTracker.Core.Tests.Presentation;

public sealed class NaturalStringComparerTests
{
    [Fact]
    public void Digit_runs_order_by_value_and_letters_ignore_case_first()
    {
        string[] keys = ["layer10", "Layer2", "layer2", "a", "layer1.lr", "layer02x", "b", "layer"];

        var sorted = keys.Order(NaturalStringComparer.Instance).ToArray();

        Assert.Equal(["a", "b", "layer", "layer1.lr", "Layer2", "layer2", "layer02x", "layer10"], sorted);
    }

    [Fact]
    public void Very_long_numbers_compare_without_overflow()
    {
        Assert.True(NaturalStringComparer.Instance.Compare("run99999999999999999999", "run100000000000000000000") < 0);
        Assert.Equal(0, NaturalStringComparer.Instance.Compare("x", "x"));
    }
}
