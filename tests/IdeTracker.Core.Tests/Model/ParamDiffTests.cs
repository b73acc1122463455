using IdeTracker.Core.Model;

namespace IdeTracker.Core.Tests.Model;

public sealed class ParamDiffTests
{
    [Fact]
    public void Added_removed_and_changed_keys_come_in_natural_order_and_number_spellings_are_the_same_value()
    {
        var from = new Dictionary<string, string> { ["lr"] = "0.01", ["layer10"] = "a", ["layer2"] = "b", ["wd"] = "1e-3", ["seed"] = "1" };
        var to = new Dictionary<string, string> { ["lr"] = "0.001", ["layer10"] = "a", ["layer2"] = "c", ["wd"] = "0.001", ["dropout"] = "0.5" };

        var changes = ParamDiff.Between(from, to);

        Assert.Equal(
            [new ParamChange("dropout", null, "0.5"), new ParamChange("layer2", "b", "c"), new ParamChange("lr", "0.01", "0.001"), new ParamChange("seed", "1", null)],
            changes);
        Assert.True(changes[0].Added);
        Assert.True(changes[^1].Removed);
        Assert.Empty(ParamDiff.Between(to, to));
    }
}
