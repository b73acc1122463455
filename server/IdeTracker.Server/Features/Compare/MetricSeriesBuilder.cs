using IdeTracker.Core.Index;
using IdeTracker.Core.Series;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.Compare;

/// <summary>Chart data for <c>ideTracker/metricSeries</c>: every asked (run, key) history read in one query,
/// then decoded and downsampled in parallel (<see cref="SeriesDownsampler"/>). A damaged blob skips that
/// series and is logged; the others are still sent.</summary>
public sealed class MetricSeriesBuilder
{
    public const int DefaultMaxPoints = 2000;
    public const int MaxMaxPoints = 10_000;
    public const int MaxRuns = 500;
    public const int MaxKeys = 50;

    private readonly IndexStore _store;
    private readonly Action<string> _log;

    public MetricSeriesBuilder(IndexStore store, Action<string> log)
    {
        _store = store;
        _log = log;
    }

    /// <summary>Throws <see cref="ArgumentException"/> for more than <see cref="MaxRuns"/> runs or
    /// <see cref="MaxKeys"/> keys. <c>maxPoints</c> is held between <see cref="SeriesDownsampler.MinPoints"/>
    /// and <see cref="MaxMaxPoints"/>.</summary>
    public MetricSeriesResult Build(MetricSeriesParams request, CancellationToken cancellationToken)
    {
        var runIds = request.RunIds.Distinct(StringComparer.Ordinal).ToList();
        var keys = request.Keys.Distinct(StringComparer.Ordinal).ToList();
        if (runIds.Count > MaxRuns || keys.Count > MaxKeys)
        {
            throw new ArgumentException(
                $"metricSeries takes at most {MaxRuns} runs and {MaxKeys} keys per request; this one asked for {runIds.Count} runs and {keys.Count} keys");
        }

        var maxPoints = Math.Clamp(request.MaxPoints ?? DefaultMaxPoints, SeriesDownsampler.MinPoints, MaxMaxPoints);
        var stored = _store.GetSeriesBlobs(runIds, keys);
        cancellationToken.ThrowIfCancellationRequested();

        var runOrder = runIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var keyOrder = keys.Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i, StringComparer.Ordinal);
        var series = new MetricSeriesDto?[stored.Count];
        var damaged = new string?[stored.Count];
        Parallel.For(
            0,
            stored.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            i =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    series[i] = Downsampled(stored[i], maxPoints);
                }
                catch (InvalidDataException e)
                {
                    damaged[i] = $"metricSeries skipped {stored[i].Key} of run {stored[i].RunId}: the index holds a damaged series ({e.Message}); the next re-read of the run repairs it.";
                }
            });

        foreach (var message in damaged.OfType<string>())
        {
            _log(message);
        }

        return new MetricSeriesResult([.. series
            .OfType<MetricSeriesDto>()
            .Where(s => s.Total > 0)
            .OrderBy(s => runOrder[s.RunId])
            .ThenBy(s => keyOrder[s.Key])]);
    }

    private static MetricSeriesDto Downsampled(StoredSeries stored, int maxPoints)
    {
        var all = stored.Decode();
        var kept = SeriesDownsampler.Downsample(all, maxPoints);
        var steps = new long[kept.Count];
        var times = new long[kept.Count];
        var values = new double[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            (steps[i], times[i], values[i]) = (kept[i].Step, kept[i].TimestampMs, kept[i].Value);
        }

        return new MetricSeriesDto(stored.RunId, stored.Key, steps, times, values, all.Length);
    }
}
