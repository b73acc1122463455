using IdeTracker.Core.Configs;
using IdeTracker.Server.Protocol;
using Range = IdeTracker.Server.Protocol.Range;

namespace IdeTracker.Server.Features.Configs;

/// <summary>Config spans as LSP ranges (both count lines from zero and UTF-16 code units within a line).</summary>
public static class SpanRanges
{
    public static Range ToRange(TextSpan span) =>
        new(new Position(span.Line, span.Character), new Position(span.EndLine, span.EndCharacter));

    public static Range Start { get; } = new(new Position(0, 0), new Position(0, 0));

    /// <summary>True when the position is in the range, its ends included.</summary>
    public static bool Contains(Range range, Position position) =>
        Compare(range.Start, position) <= 0 && Compare(position, range.End) <= 0;

    private static int Compare(Position a, Position b) =>
        a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Character.CompareTo(b.Character);
}
