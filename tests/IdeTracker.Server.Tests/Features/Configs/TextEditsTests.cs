using FsCheck;
using FsCheck.Xunit;
using IdeTracker.Server.Features.Configs;
using IdeTracker.Server.Protocol;
using Range = IdeTracker.Server.Protocol.Range;

namespace IdeTracker.Server.Tests.Features.Configs;

public sealed class TextEditsTests
{
    private static TextDocumentContentChangeEvent Edit(int line, int character, int endLine, int endCharacter, string text) =>
        new(new Range(new Position(line, character), new Position(endLine, endCharacter)), text);

    [Fact]
    public void An_insertion_lands_at_its_utf16_column_after_non_ascii_text()
    {
        // "学" is one UTF-16 unit, "🙂" two: column 4 on the second line is just after the emoji and the space.
        var text = "a: 1\n学🙂 : 2\n";

        var changed = TextEdits.Apply(text, [Edit(1, 4, 1, 4, "x")]);

        Assert.Equal("a: 1\n学🙂 x: 2\n", changed);
    }

    [Fact]
    public void Lines_end_at_lf_crlf_and_cr_alike()
    {
        var text = "a: 1\r\nb: 2\rc: 3\nd: 4";

        Assert.Equal("a: 1\r\nb: 2\rc: 9\nd: 4", TextEdits.Apply(text, [Edit(2, 3, 2, 4, "9")]));
        Assert.Equal("a: 1\r\nb: 2\rc: 3\nd: 5", TextEdits.Apply(text, [Edit(3, 3, 3, 4, "5")]));
    }

    [Fact]
    public void A_replacement_across_lines_and_several_edits_in_order()
    {
        var text = "optimizer:\n  lr: 0.1\n  momentum: 0.9\n";

        var changed = TextEdits.Apply(text, [Edit(1, 6, 2, 15, "0.01"), Edit(0, 0, 0, 0, "# tuned\n")]);

        Assert.Equal("# tuned\noptimizer:\n  lr: 0.01\n", changed);
    }

    [Fact]
    public void A_change_without_a_range_replaces_the_whole_text()
    {
        Assert.Equal("new", TextEdits.Apply("old\ntext", [new TextDocumentContentChangeEvent(null, "new")]));
    }

    [Fact]
    public void Positions_past_a_line_or_the_document_are_clamped_to_its_end()
    {
        Assert.Equal("ab!\ncd", TextEdits.Apply("ab\ncd", [Edit(0, 99, 0, 99, "!")]));
        Assert.Equal("ab\ncd!", TextEdits.Apply("ab\ncd", [Edit(7, 0, 9, 3, "!")]));
    }

    [Property(MaxTest = 300)]
    public bool Any_edit_equals_splicing_the_lines_by_hand(NonNull<string> original, NonNegativeInt a, NonNegativeInt b, NonNull<string> inserted)
    {
        var text = original.Get.Replace('\r', '\n');
        var lines = text.Split('\n');
        var startLine = a.Get % lines.Length;
        var endLine = startLine + (b.Get % (lines.Length - startLine));
        var startCharacter = a.Get % (lines[startLine].Length + 1);
        var endCharacter = endLine == startLine
            ? startCharacter + (b.Get % (lines[startLine].Length - startCharacter + 1))
            : b.Get % (lines[endLine].Length + 1);

        var expected = string.Join('\n', lines[..startLine])
            + (startLine > 0 ? "\n" : "")
            + lines[startLine][..startCharacter] + inserted.Get + lines[endLine][endCharacter..]
            + (endLine < lines.Length - 1 ? "\n" : "")
            + string.Join('\n', lines[(endLine + 1)..]);

        return TextEdits.Apply(text, [Edit(startLine, startCharacter, endLine, endCharacter, inserted.Get)]) == expected;
    }
}
