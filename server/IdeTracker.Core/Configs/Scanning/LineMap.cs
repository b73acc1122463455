namespace IdeTracker.Core.Configs.Scanning;

/// <summary>Where each line of a text starts and where its content ends (before \n, \r\n or \r, as LSP counts lines),
/// so a string offset becomes an LSP position. Columns are UTF-16 code units because C# strings are.</summary>
internal sealed class LineMap
{
    private static readonly System.Buffers.SearchValues<char> Breaks = System.Buffers.SearchValues.Create("\r\n");

    private readonly int[] _starts;
    private readonly int[] _ends;

    public LineMap(string text)
    {
        Text = text;
        var breaks = text.AsSpan().Count('\n') + text.AsSpan().Count('\r');
        var starts = new int[breaks + 1];
        var ends = new int[breaks + 1];
        var count = 0;
        var at = 0;
        while (true)
        {
            var found = text.AsSpan(at).IndexOfAny(Breaks);
            if (found < 0)
            {
                break;
            }

            var lineBreak = at + found;
            starts[count] = at;
            ends[count] = lineBreak;
            count++;
            at = lineBreak + (text[lineBreak] == '\r' && lineBreak + 1 < text.Length && text[lineBreak + 1] == '\n' ? 2 : 1);
        }

        starts[count] = at;
        ends[count] = text.Length;
        LineCount = count + 1;
        _starts = starts;
        _ends = ends;
    }

    public string Text { get; }

    public int LineCount { get; }

    public int LineStart(int line) => _starts[line];

    /// <summary>The offset just past the line's last character, before its line break.</summary>
    public int LineEnd(int line) => _ends[line];

    public int LineOf(int offset)
    {
        var found = Array.BinarySearch(_starts, 0, LineCount, offset);
        return found >= 0 ? found : ~found - 1;
    }

    /// <summary>The span from <paramref name="start"/> to <paramref name="end"/>; a stretch that runs past its first
    /// line (a multi-line string) keeps the part on its first line, as <see cref="TextSpan"/> promises.</summary>
    public TextSpan Span(int start, int end) => SpanOnLine(LineOf(start), start, end);

    /// <summary>The same when the caller knows the line <paramref name="start"/> is on.</summary>
    public TextSpan SpanOnLine(int line, int start, int end)
    {
        var lineStart = _starts[line];
        var stop = Math.Min(Math.Max(end, start), _ends[line]);
        return TextSpan.OnLine(line, start - lineStart, stop - lineStart);
    }
}
