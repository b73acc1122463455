using IdeTracker.Core.Presentation;

namespace IdeTracker.Core.Tests.Presentation;

public sealed class MarkdownTextTests
{
    [Fact]
    public void Markup_in_run_data_is_escaped()
    {
        Assert.Equal("\\[click\\]\\(command:evil\\) \\*bold\\* \\<img\\>", MarkdownText.Escape("[click](command:evil) *bold* <img>"));
    }

    [Fact]
    public void Newlines_cannot_start_a_new_block()
    {
        Assert.Equal("a \\# b", MarkdownText.Escape("a\n# b"));
    }

    [Fact]
    public void Code_spans_are_fenced_longer_than_any_backticks_inside()
    {
        Assert.Equal("`` a`b ``", MarkdownText.Code("a`b"));
    }
}
