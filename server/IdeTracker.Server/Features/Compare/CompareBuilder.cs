using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Presentation;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.Compare;

/// <summary>Builds <c>ideTracker/compare</c>: the runs as columns in the order asked, their params,
/// metrics and environment as rows. Everything is read in a fixed number of queries whatever the number of runs.</summary>
public sealed class CompareBuilder
{
    public const int MaxRuns = 500;

    /// <summary>Chosen metric rows at most: a run with 5,000 metrics is shown through a column picker, not all at once.</summary>
    public const int MaxMetricKeys = 500;

    private readonly IndexStore _store;
    private readonly MetricChoice? _mainMetric;
    private readonly DateTimeOffset _now;

    public CompareBuilder(IndexStore store, MetricChoice? mainMetric, DateTimeOffset now)
    {
        _store = store;
        _mainMetric = mainMetric;
        _now = now;
    }

    /// <summary>Throws <see cref="ArgumentException"/> for more than <see cref="MaxRuns"/> runs or
    /// <see cref="MaxMetricKeys"/> chosen metric keys.</summary>
    public CompareResult Build(CompareParams request)
    {
        var asked = request.RunIds.Distinct(StringComparer.Ordinal).ToList();
        if (asked.Count > MaxRuns)
        {
            throw new ArgumentException($"compare takes at most {MaxRuns} runs; this request named {asked.Count}. Narrow the selection or use a filter.");
        }

        if (request.MetricKeys?.Count > MaxMetricKeys)
        {
            throw new ArgumentException($"compare shows at most {MaxMetricKeys} metric rows; this request chose {request.MetricKeys.Count} metric keys.");
        }

        var runs = _store.GetRunDetailsByIds(asked, _mainMetric?.Key);
        var found = runs.Select(r => r.Run.Id).ToHashSet(StringComparer.Ordinal);
        var marks = _store.GetAnnotationMarks([.. found]);
        var metrics = CompareMetrics.Build(runs, request.MetricKeys, _mainMetric);
        return new CompareResult
        {
            Runs = [.. runs.Select(r => Column(r, marks.GetValueOrDefault(r.Run.Id)))],
            Params = CompareRows.Params(runs),
            Metrics = metrics.Rows,
            Environment = CompareRows.Environment(runs),
            MetricKeys = CompareMetrics.KeyCounts(runs),
            Missing = [.. asked.Where(id => !found.Contains(id))],
            MainMetric = metrics.MainMetric,
        };
    }

    private CompareRun Column(RunDetailsRow details, RunAnnotationMark? mark)
    {
        var run = details.Run;
        return new CompareRun
        {
            Id = run.Id,
            Name = run.Name,
            Experiment = run.Experiment,
            Source = run.Source,
            Status = run.Status.ToWire(),
            StartTime = run.StartTime is { } start ? Labels.Iso(start) : null,
            TimeAgo = run.StartTime is { } s ? Labels.TimeAgo(s, _now) : null,
            Label = run.Label,
            Starred = mark?.Starred ?? false,
            Tags = [.. mark?.Tags ?? [], .. details.Tags.OrderBy(t => t.Key, NaturalStringComparer.Instance).Select(t => $"{t.Key}={t.Value}")],
            Gone = run.Gone ? true : null,
            Path = run.Directory,
        };
    }
}
