using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Common;

/// <summary>The problems of one file, capped so a file of garbage yields a readable list, not a million
/// entries; <see cref="Flush"/> adds one line counting those left out.</summary>
internal sealed class ProblemList
{
    private const int Limit = 100;

    private readonly string _path;
    private readonly List<Problem> _into;
    private int _count;

    public ProblemList(string path, List<Problem> into)
    {
        _path = path;
        _into = into;
    }

    /// <summary>Carries on a list an earlier read of the same file started: <paramref name="into"/> already holds
    /// its listed problems, and <paramref name="counted"/> is how many it found in all.</summary>
    public ProblemList(string path, List<Problem> into, int counted)
        : this(path, into)
    {
        _count = counted;
    }

    /// <summary>Every problem added, listed or not.</summary>
    public int Counted => _count;

    public void Add(int line, string message, ProblemSeverity severity = ProblemSeverity.Warning)
    {
        if (_count++ < Limit)
        {
            _into.Add(new Problem(_path, line, message, severity));
        }
    }

    public void Flush()
    {
        if (_count > Limit)
        {
            _into.Add(new Problem(_path, 0, $"{_count - Limit} more problems in this file are not listed", ProblemSeverity.Warning));
        }
    }
}
