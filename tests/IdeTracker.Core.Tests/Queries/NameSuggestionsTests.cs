using IdeTracker.Core.Queries;

namespace IdeTracker.Core.Tests.Queries;

public sealed class NameSuggestionsTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("lr", "lr", 0)]
    [InlineData("lr", "lrr", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("abc", "", 3)]
    public void Distance_counts_edits(string a, string b, int distance)
    {
        Assert.Equal(distance, NameSuggestions.Distance(a, b));
        Assert.Equal(distance, NameSuggestions.Distance(b, a));
    }

    [Fact]
    public void Suggestions_are_the_nearest_first_ignoring_case_and_include_names_that_contain_the_word()
    {
        var known = new[] { "val_acc", "val_loss", "train_acc", "lr", "learning_rate", "ACC" };

        Assert.Equal(["ACC", "val_acc", "train_acc"], NameSuggestions.For("acc", known));
        Assert.Equal(["lr"], NameSuggestions.For("LR", known));
        Assert.Empty(NameSuggestions.For("zzzz", known));
    }

    [Fact]
    public void At_most_five_are_suggested()
    {
        var known = Enumerable.Range(0, 20).Select(i => $"loss{i}").ToList();

        Assert.Equal(NameSuggestions.Max, NameSuggestions.For("loss", known).Count);
    }
}
