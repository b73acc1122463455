using System.Collections.Concurrent;
using System.Diagnostics;
using IdeTracker.Core.Index;
using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Indexing;

/// <summary>Reads units on every core while one thread writes what was read in batches (one transaction
/// each), so SQLite never waits for a reader and readers never wait for SQLite.</summary>
internal static class ReadWritePipeline
{
    public const int BatchSize = 256;

    /// <summary>A slow trickle of units is still written promptly, so a live run shows up.</summary>
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(50);

    /// <summary>Reads and writes every unit. On cancellation the batches already written stay (each is
    /// whole) and <see cref="OperationCanceledException"/> is thrown once the writer has stopped.</summary>
    /// <param name="unitWritten">Called on the writer thread for each unit once its batch is in the index.</param>
    public static PipelineOutcome Run(
        IndexStore store,
        IReadOnlyList<UnitToRead> units,
        Action<int, string>? batchWritten,
        CancellationToken cancellationToken,
        Action<RunUnit, UnitReadResult>? unitWritten = null)
    {
        var outcome = new PipelineOutcome();
        if (units.Count == 0)
        {
            return outcome;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // One batch waiting beside the one being written is all the writer can use; more would only hold
        // read results in memory.
        using var queue = new BlockingCollection<(RunUnit Unit, UnitReadResult Result)>(BatchSize);
        var writer = Task.Factory.StartNew(
            () => WriteBatches(store, queue, outcome, batchWritten, unitWritten, stop),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        Exception? readFailure = null;
        try
        {
            Parallel.ForEach(
                units,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = stop.Token },
                unit => queue.Add(SafeUnitReading.Read(unit, stop.Token), stop.Token));
        }
        catch (Exception e)
        {
            readFailure = e;
        }
        finally
        {
            queue.CompleteAdding();
        }

        writer.GetAwaiter().GetResult();
        cancellationToken.ThrowIfCancellationRequested();
        if (readFailure is not null && !stop.IsCancellationRequested)
        {
            throw readFailure;
        }

        return outcome;
    }

    private static void WriteBatches(
        IndexStore store,
        BlockingCollection<(RunUnit Unit, UnitReadResult Result)> queue,
        PipelineOutcome outcome,
        Action<int, string>? batchWritten,
        Action<RunUnit, UnitReadResult>? unitWritten,
        CancellationTokenSource stop)
    {
        var batch = new List<(RunUnit Unit, UnitReadResult Result)>(BatchSize);
        var batchStarted = 0L;
        try
        {
            while (true)
            {
                var timeout = batch.Count == 0 ? Timeout.Infinite : RemainingMilliseconds(batchStarted);
                var took = queue.TryTake(out var item, timeout);
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                if (took)
                {
                    if (batch.Count == 0)
                    {
                        batchStarted = Stopwatch.GetTimestamp();
                    }

                    batch.Add(item);
                    if (batch.Count < BatchSize && RemainingMilliseconds(batchStarted) > 0)
                    {
                        continue;
                    }
                }
                else if (batch.Count == 0)
                {
                    return;
                }

                outcome.Add(batch, store.WriteUnits(batch));
                batchWritten?.Invoke(outcome.UnitsWritten, batch[^1].Unit.Path);
                if (unitWritten is not null)
                {
                    foreach (var (unit, result) in batch)
                    {
                        unitWritten(unit, result);
                    }
                }

                batch.Clear();
            }
        }
        catch
        {
            // Readers blocked on a full queue must not wait for a writer that is gone.
            stop.Cancel();
            throw;
        }
    }

    private static int RemainingMilliseconds(long started) =>
        Math.Max(0, (int)Math.Ceiling((BatchWindow - Stopwatch.GetElapsedTime(started)).TotalMilliseconds));
}
