namespace IdeTracker.Core.Configs;

/// <summary>The runs a whole config file stands for: those that record every key of the file that was matched
/// (<see cref="MatchedKeys"/> of them). <see cref="RunIds"/> best first, at most 500; <see cref="SameValues"/> are the
/// runs whose values equal the file's current values on every matched key (the config was run as it stands).</summary>
public sealed record FileResults(
    int Runs,
    int MatchedKeys,
    RunBrief? BestRun,
    IReadOnlyList<string> RunIds,
    IReadOnlyList<RunBrief> SameValues);
