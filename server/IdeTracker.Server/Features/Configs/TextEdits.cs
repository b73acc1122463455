using System.Text;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.Configs;

/// <summary>Applies LSP content changes to a document's text. Positions count UTF-16 code units, lines end at
/// \n, \r\n or \r; a position past the end of its line means the line's end and one past the last line the
/// document's end, as the protocol asks, so a client that is a little ahead never breaks the text.</summary>
public static class TextEdits
{
    /// <summary>The text after every change in order (a change without a range replaces the whole text).</summary>
    public static string Apply(string text, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        if (changes.Count == 1 && changes[0].Range is null)
        {
            return changes[0].Text;
        }

        var builder = new StringBuilder(text);
        foreach (var change in changes)
        {
            if (change.Range is not { } range)
            {
                builder.Clear().Append(change.Text);
                continue;
            }

            var current = builder.ToString();
            var start = OffsetOf(current, range.Start);
            var end = Math.Max(start, OffsetOf(current, range.End));
            builder.Remove(start, end - start).Insert(start, change.Text);
        }

        return builder.ToString();
    }

    /// <summary>The index in <paramref name="text"/> of an LSP position, clamped into the text.</summary>
    public static int OffsetOf(string text, Position position)
    {
        var line = Math.Max(0, position.Line);
        var offset = 0;
        for (var current = 0; current < line; current++)
        {
            var next = text.AsSpan(offset).IndexOfAny('\n', '\r');
            if (next < 0)
            {
                return text.Length;
            }

            offset += next;
            offset += text[offset] == '\r' && offset + 1 < text.Length && text[offset + 1] == '\n' ? 2 : 1;
        }

        var lineEnd = text.AsSpan(offset).IndexOfAny('\n', '\r');
        var length = lineEnd < 0 ? text.Length - offset : lineEnd;
        return offset + Math.Clamp(position.Character, 0, length);
    }
}
