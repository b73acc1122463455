using System.Buffers;
using System.Collections.Concurrent;
using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Series;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.Compare;

/// <summary>Chart data for <c>ideTracker/metricSeries</c>: every asked (run, key) history read in one query
/// while other threads decode and downsample (<see cref="SeriesDownsampler"/>) what has been read, so reading
/// and decoding overlap. A damaged blob skips that series and is logged; the others are still sent.</summary>
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
    /// and <see cref="MaxMaxPoints"/>. Cancellation is seen between series.</summary>
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
        var series = new ConcurrentBag<MetricSeriesDto>();
        var damaged = new ConcurrentBag<string>();
        // A worker that fails stops the reader too, so it never waits to hand a blob to nobody.
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        using (var pending = new BlockingCollection<PendingBlob>(boundedCapacity: 2 * Environment.ProcessorCount))
        {
            // Threads of their own: this request already holds a pool thread, and the reader blocks while the
            // workers are behind, so pool workers could wait for the pool to grow.
            var workers = Enumerable.Range(0, Environment.ProcessorCount)
                .Select(_ => Task.Factory.StartNew(
                    () => Work(pending, maxPoints, series, damaged, stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
                .ToArray();
            try
            {
                _store.ForEachSeriesBlob(runIds, keys, (runId, key, blob) => pending.Add(PendingBlob.Copy(runId, key, blob), stop.Token), stop.Token);
            }
            finally
            {
                pending.CompleteAdding();
                WaitForWorkers(workers);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var message in damaged)
        {
            _log(message);
        }

        var runOrder = runIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var keyOrder = keys.Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i, StringComparer.Ordinal);
        return new MetricSeriesResult([.. series
            .Where(s => s.Total > 0)
            .OrderBy(s => runOrder[s.RunId])
            .ThenBy(s => keyOrder[s.Key])]);
    }

    /// <summary>Waits for every worker; a cancelled one is left for the caller's token to report, any other failure is thrown.</summary>
    private static void WaitForWorkers(Task[] workers)
    {
        try
        {
            Task.WaitAll(workers);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OperationCanceledException))
        {
        }
    }

    private static void Work(
        BlockingCollection<PendingBlob> pending,
        int maxPoints,
        ConcurrentBag<MetricSeriesDto> series,
        ConcurrentBag<string> damaged,
        CancellationTokenSource stop)
    {
        try
        {
            Drain(pending, maxPoints, series, damaged, stop.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            stop.Cancel();
            throw;
        }
    }

    private static void Drain(
        BlockingCollection<PendingBlob> pending,
        int maxPoints,
        ConcurrentBag<MetricSeriesDto> series,
        ConcurrentBag<string> damaged,
        CancellationToken cancellationToken)
    {
        foreach (var blob in pending.GetConsumingEnumerable(cancellationToken))
        {
            try
            {
                series.Add(Downsampled(blob, maxPoints));
            }
            catch (InvalidDataException e)
            {
                damaged.Add($"metricSeries skipped {blob.Key} of run {blob.RunId}: the index holds a damaged series ({e.Message}); the next re-read of the run repairs it.");
            }
            finally
            {
                blob.Return();
            }
        }
    }

    /// <summary>Decodes into a pooled buffer (a long history would otherwise be a large-object allocation per series).</summary>
    private static MetricSeriesDto Downsampled(PendingBlob blob, int maxPoints)
    {
        var bytes = blob.Bytes;
        var total = SeriesBlob.PointCount(bytes);
        var buffer = ArrayPool<MetricPoint>.Shared.Rent(total);
        MetricPoint[] kept;
        try
        {
            SeriesBlob.DecodeInto(bytes, buffer);
            kept = SeriesDownsampler.DownsampleBuffer(buffer.AsSpan(0, total), maxPoints);
        }
        finally
        {
            ArrayPool<MetricPoint>.Shared.Return(buffer);
        }

        var steps = new long[kept.Length];
        var times = new long[kept.Length];
        var values = new double[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            (steps[i], times[i], values[i]) = (kept[i].Step, kept[i].TimestampMs, kept[i].Value);
        }

        return new MetricSeriesDto(blob.RunId, blob.Key, steps, times, values, total);
    }

    /// <summary>A blob read and waiting for a worker, in a pooled buffer the worker gives back.</summary>
    private sealed record PendingBlob(string RunId, string Key, byte[] Buffer, int Length)
    {
        public ReadOnlySpan<byte> Bytes => Buffer.AsSpan(0, Length);

        public static PendingBlob Copy(string runId, string key, ReadOnlySpan<byte> blob)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(blob.Length);
            blob.CopyTo(buffer);
            return new PendingBlob(runId, key, buffer, blob.Length);
        }

        public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
    }
}
