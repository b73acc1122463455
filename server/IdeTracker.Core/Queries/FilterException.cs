namespace IdeTracker.Core.Queries;

/// <summary>A filter or sort text that does not parse or names nothing the index knows. <see cref="Position"/>
/// is the 0-based UTF-16 offset of the offending text and <see cref="Length"/> how much of it to underline
/// (at least 1, even at the end of the text); the message starts "column N:" with N = position + 1.
/// <see cref="Expected"/> lists what would have fitted there (operators, term names, or the names closest
/// to an unknown one). <see cref="Field"/> is "filter" or "sort".</summary>
public sealed class FilterException : Exception
{
    public FilterException(string field, int position, int length, string problem, IReadOnlyList<string> expected)
        : base($"column {position + 1}: {problem}")
    {
        Field = field;
        Position = position;
        Length = Math.Max(1, length);
        Problem = problem;
        Expected = expected;
    }

    public string Field { get; }

    public int Position { get; }

    public int Length { get; }

    /// <summary>The message without its "column N: " lead.</summary>
    public string Problem { get; }

    public IReadOnlyList<string> Expected { get; }
}
