namespace IdeTracker.Core.Configs;

/// <summary>A stretch of a document as LSP counts it: zero-based lines and UTF-16 code units within the line,
/// end exclusive. Config keys and values never span lines except quoted YAML/TOML strings, which keep the
/// span of their first line.</summary>
public readonly record struct TextSpan(int Line, int Character, int EndLine, int EndCharacter)
{
    public static TextSpan OnLine(int line, int start, int end) => new(line, start, line, end);

    /// <summary>True when (line, character) is inside the span or at its end (a cursor just after a value hovers it).</summary>
    public bool Contains(int line, int character) =>
        (line > Line || (line == Line && character >= Character))
        && (line < EndLine || (line == EndLine && character <= EndCharacter));
}
