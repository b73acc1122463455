namespace IdeTracker.Core.Configs;

/// <summary>The runs that set a key to one value. Values equal as numbers are one value ("0.001" and "1e-3");
/// <see cref="Text"/> is the spelling most of those runs used. <see cref="Best"/> and <see cref="Mean"/> are over
/// the runs' best main-metric values (runs without the metric left out); <see cref="RunIds"/> lists the runs best
/// first, at most 500 of them, for "compare".</summary>
public sealed record ValueResult(
    string Text,
    double? Number,
    int Runs,
    int Failed,
    double? Best,
    double? Mean,
    RunBrief? BestRun,
    IReadOnlyList<string> RunIds);
