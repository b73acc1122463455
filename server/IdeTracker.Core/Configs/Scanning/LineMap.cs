namespace IdeTracker.Core.Configs.Scanning;

/// <summary>Where each line of a text starts and where its content ends (before \n, \r\n or \r, as LSP counts lines),
/// so a string offset becomes an LSP position. Columns are UTF-16 code units because C# strings are.</summary>
internal sealed class LineMap
{
    private readonly List<int> _starts = [0];
    private readonly List<int> _ends = [];

    public LineMap(string text)
    {
        Text = text;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\n' && c != '\r')
            {
                continue;
            }

            _ends.Add(i);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            _starts.Add(i + 1);
        }

        _ends.Add(text.Length);
    }

    public string Text { get; }

    public int LineCount => _starts.Count;

    public int LineStart(int line) => _starts[line];

    /// <summary>The offset just past the line's last character, before its line break.</summary>
    public int LineEnd(int line) => _ends[line];

    public int LineOf(int offset)
    {
        var found = _starts.BinarySearch(offset);
        return found >= 0 ? found : ~found - 1;
    }

    /// <summary>The span from <paramref name="start"/> to <paramref name="end"/>; a stretch that runs past its first
    /// line (a multi-line string) keeps the part on its first line, as <see cref="TextSpan"/> promises.</summary>
    public TextSpan Span(int start, int end)
    {
        var line = LineOf(start);
        var lineStart = _starts[line];
        var stop = Math.Min(Math.Max(end, start), _ends[line]);
        return TextSpan.OnLine(line, start - lineStart, Math.Max(stop, start) - lineStart);
    }
}
