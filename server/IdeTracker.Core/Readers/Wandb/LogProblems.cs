using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Problems with single records of the log (a record that does not decode, one too large to keep)
/// found so far. They are kept with the read state, because a read that resumes must report everything a
/// whole read would; capped like <see cref="Common.ProblemList"/>.</summary>
internal sealed class LogProblems
{
    private const int Limit = 100;

    private readonly List<(long Offset, string Message)> _kept = [];
    private int _count;

    public void Add(long offset, string message)
    {
        if (_count++ < Limit)
        {
            _kept.Add((offset, message));
        }
    }

    public void CopyTo(string path, List<Problem> into)
    {
        foreach (var (offset, message) in _kept)
        {
            into.Add(new Problem(path, 0, $"at byte {offset}: {message}", ProblemSeverity.Warning));
        }

        if (_count > Limit)
        {
            into.Add(new Problem(path, 0, $"{_count - Limit} more problems in this file are not listed", ProblemSeverity.Warning));
        }
    }
}
