namespace IdeTracker.Core.Readers.MetricLogs;

/// <summary>The column (or JSON key) names a metric log uses for its step and its wall time. Matched without
/// regard to case, on the whole name or its last "/" part ("trainer/global_step").</summary>
internal static class LogColumns
{
    // Finest first: when a log has both, "step" is the step and "epoch" one more metric (as in Lightning's files).
    private static readonly string[] StepNames =
        ["global_step", "step", "_step", "steps", "iteration", "iterations", "iter", "n_iter", "epoch", "epochs"];

    private static readonly string[] TimeNames = ["time", "timestamp", "wall_time", "walltime", "_timestamp", "datetime"];

    /// <summary>Lower is a better step column; -1 for a name that is not step-like.</summary>
    public static int StepRank(string name) => IndexIn(StepNames, name);

    public static bool IsTimeName(string name) => IndexIn(TimeNames, name) >= 0;

    /// <summary>Index of the best step-like name, -1 when there is none.</summary>
    public static int BestStep(IReadOnlyList<string> names)
    {
        var best = -1;
        var bestRank = int.MaxValue;
        for (var i = 0; i < names.Count; i++)
        {
            var rank = StepRank(names[i]);
            if (rank >= 0 && rank < bestRank)
            {
                (best, bestRank) = (i, rank);
            }
        }

        return best;
    }

    /// <summary>"step, epoch, iteration, …" for messages.</summary>
    public static string StepNamesText => "step, global_step, iteration, iter, epoch, …";

    // Called for every cell of every row: no allocation.
    private static int IndexIn(string[] names, string name)
    {
        var part = LastPart(name);
        for (var i = 0; i < names.Length; i++)
        {
            if (part.Equals(names[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static ReadOnlySpan<char> LastPart(string name)
    {
        var span = name.AsSpan().Trim();
        var slash = span.LastIndexOf('/');
        return slash < 0 ? span : span[(slash + 1)..];
    }
}
