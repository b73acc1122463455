using IdeTracker.Core.Configs;

namespace IdeTracker.Server.Features.Configs;

/// <summary><see cref="KeyResults.BestValue"/> in one pass: the same value (the first of equals), without sorting,
/// since a key like a seed can have a hundred thousand values and a hover has milliseconds.</summary>
public static class BestValue
{
    public static ValueResult? Of(KeyResults results)
    {
        if (results.Metric is not { } metric)
        {
            return null;
        }

        ValueResult? best = null;
        var bestScore = double.PositiveInfinity;
        foreach (var value in results.Values)
        {
            if (value.Best is not { } b || double.IsNaN(b))
            {
                continue;
            }

            var score = metric.HigherIsBetter ? -b : b;
            if (best is null || score < bestScore)
            {
                best = value;
                bestScore = score;
            }
        }

        return best;
    }
}
