namespace IdeTracker.Core.Index;

/// <summary>What a value's tally needs of one run: whether it failed (or was killed) and its best value of the main
/// metric (null: none, or NaN only).</summary>
internal readonly record struct RunFacts(long RunKey, bool Failed, double? Best);
