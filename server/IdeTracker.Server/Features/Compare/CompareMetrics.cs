using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Presentation;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.Compare;

/// <summary>The metrics table of a comparison. Without chosen keys: the main metric first (when any of
/// the runs reports it), then up to <see cref="DefaultKeys"/> metrics, those the most runs report first.
/// Direction comes from the name (<see cref="PrimaryMetric.IsHigherBetter"/>) except for the main metric,
/// whose chosen direction wins (it may be the user's setting).</summary>
public static class CompareMetrics
{
    public const int DefaultKeys = 50;

    public static (IReadOnlyList<CompareMetric> Rows, string? MainMetric) Build(
        IReadOnlyList<RunDetailsRow> runs, IReadOnlyList<string>? chosenKeys, MetricChoice? mainMetric)
    {
        var counts = KeyCounts(runs);
        var main = mainMetric is not null && counts.Any(c => c.Key == mainMetric.Key) ? mainMetric.Key : null;
        IEnumerable<string> keys = chosenKeys is not null
            ? chosenKeys.Distinct(StringComparer.Ordinal)
            : [.. main is null ? [] : new[] { main }, .. counts.Select(c => c.Key).Where(k => k != main).Take(DefaultKeys)];
        var rows = keys.Select(key => Row(runs, key, key == mainMetric?.Key ? mainMetric.HigherIsBetter : PrimaryMetric.IsHigherBetter(key))).ToList();
        return (rows, main);
    }

    /// <summary>Every metric any of the runs reports and how many do, most common first, then in natural order.</summary>
    public static IReadOnlyList<MetricKeyDto> KeyCounts(IReadOnlyList<RunDetailsRow> runs) =>
        [.. runs.SelectMany(r => r.Metrics.Keys)
            .GroupBy(k => k, StringComparer.Ordinal)
            .Select(g => new MetricKeyDto(g.Key, g.Count()))
            .OrderByDescending(k => k.Runs)
            .ThenBy(k => k.Key, NaturalStringComparer.Instance)];

    private static CompareMetric Row(IReadOnlyList<RunDetailsRow> runs, string key, bool higherIsBetter)
    {
        var cells = runs.Select(r => r.Metrics.TryGetValue(key, out var summary) ? Cell(summary, higherIsBetter) : null).ToList();
        int? bestIndex = null;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is { } cell && double.IsFinite(cell.Best)
                && (bestIndex is not { } b || (higherIsBetter ? cell.Best > cells[b]!.Best : cell.Best < cells[b]!.Best)))
            {
                bestIndex = i;
            }
        }

        return new CompareMetric(key, higherIsBetter, cells, bestIndex);
    }

    private static CompareMetricCell Cell(MetricSummary summary, bool higherIsBetter) =>
        new(summary.Last, summary.Min, summary.Max, higherIsBetter ? summary.Max : summary.Min, summary.Count, summary.LastStep);
}
