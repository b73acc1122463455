using IdeTracker.Server.Features.Configs;

namespace IdeTracker.Server.Tests.Configs;

public sealed class ValueLabelsTests
{
    [Fact]
    public void Values_show_as_written_with_empty_text_made_visible()
    {
        Assert.Equal("1e-3", ValueLabels.Show("1e-3"));
        Assert.Equal("\"\"", ValueLabels.Show(string.Empty));
        Assert.Equal("null", ValueLabels.Show(null));
    }

    [Fact]
    public void Long_or_multi_line_text_is_cut_to_one_short_line()
    {
        var shown = ValueLabels.Show(new string('x', 100) + "\nmore");

        Assert.Equal(ValueLabels.MaxLength, shown.Length);
        Assert.EndsWith("…", shown);
        Assert.Equal("a b c", ValueLabels.Show("a\r\nb\nc"));
    }
}
