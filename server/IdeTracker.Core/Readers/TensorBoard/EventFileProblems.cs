using System.Globalization;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>The problems of one event file, capped like <see cref="Common.ProblemList"/>, and kept with the
/// file's resume state so a resumed read reports the same problems a whole read would. Event files are
/// binary: problems are located by byte offset in the message, with line 0.</summary>
internal sealed class EventFileProblems
{
    private const int Limit = 100;

    private readonly List<Problem> _kept = [];
    private int _count;

    public EventFileProblems(string path) => Path = path;

    public string Path { get; }

    public void Add(long offset, string message, ProblemSeverity severity = ProblemSeverity.Warning) =>
        Add(string.Create(CultureInfo.InvariantCulture, $"byte {offset:N0}: {message}"), severity);

    /// <summary>A problem with the whole file rather than a place in it.</summary>
    public void Add(string message, ProblemSeverity severity = ProblemSeverity.Warning)
    {
        if (_count++ < Limit)
        {
            _kept.Add(new Problem(Path, 0, message, severity));
        }
    }

    public void Add(Problem problem)
    {
        if (_count++ < Limit)
        {
            _kept.Add(problem);
        }
    }

    public void CopyTo(List<Problem> into)
    {
        into.AddRange(_kept);
        if (_count > Limit)
        {
            into.Add(new Problem(Path, 0, $"{_count - Limit} more problems in this file are not listed", ProblemSeverity.Warning));
        }
    }
}
