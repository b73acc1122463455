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

    [Theory]
    [InlineData("I tried lr 0.001 on run-7 with batch_size 64 (twice)!", "I tried lr 0.001 on run-7 with batch_size 64 (twice)!")]
    [InlineData("[click](command:evil) *bold* <img> a|b `x`", "\\[click\\](command:evil) \\*bold\\* \\<img> a\\|b \\`x\\`")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("- not a list", "\\- not a list")]
    [InlineData("2. not a list", "2\\. not a list")]
    [InlineData("3.5 percent better", "3.5 percent better")]
    [InlineData("_emphasis_ but snake_case", "\\_emphasis\\_ but snake_case")]
    [InlineData("one\n# two", "one # two")]
    public void Prose_escapes_only_what_would_become_markup(string said, string expected)
    {
        Assert.Equal(expected, MarkdownText.EscapeForEditing(said));
    }
}
