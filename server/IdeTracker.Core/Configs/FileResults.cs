namespace IdeTracker.Core.Configs;

/// <summary>The runs a whole config file stands for: those that record every key of the file that was matched
/// (<see cref="MatchedKeys"/> of them), or, when no run records them all, those that record the most of them
/// (<see cref="RecordedKeys"/> of them: a file's keys can match params that different tools record).
/// <see cref="RunIds"/> best first, at most 500; <see cref="SameValues"/> are the runs whose values equal the file's
/// current values on every matched key they record (the config was run as it stands).</summary>
public sealed record FileResults(
    int Runs,
    int MatchedKeys,
    RunBrief? BestRun,
    IReadOnlyList<string> RunIds,
    IReadOnlyList<RunBrief> SameValues)
{
    /// <summary>How many of the matched keys each of the runs records: <see cref="MatchedKeys"/> unless no run records them all.</summary>
    public int RecordedKeys { get; init; } = MatchedKeys;
}
