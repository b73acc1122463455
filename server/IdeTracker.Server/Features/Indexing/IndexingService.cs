using IdeTracker.Core.Presentation;
using IdeTracker.Server.Lsp;
using IdeTracker.Server.Protocol;
using StreamJsonRpc;

namespace IdeTracker.Server.Features.Indexing;

/// <summary>Runs indexing in the background, one job at a time: the first full scan, then re-reads of the
/// units whose files changed (debounced, never a full rescan for one changed run). After each job it tells
/// the client what changed and the new totals. After each job it watches the units being written itself, so their
/// changes arrive even when the client's file events do not.</summary>
public sealed class IndexingService : IDisposable
{
    /// <summary>File events arrive in bursts (a run writes several files at once); wait this long for the
    /// burst to end. Well inside the 300 ms budget from change to notification.</summary>
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(40);

    private readonly WorkspaceSession _session;
    private readonly JsonRpc _rpc;
    private readonly bool _progressSupported;
    private readonly ServerLogger _log;
    private readonly CancellationToken _shutdown;
    private readonly SemaphoreSlim _oneJob = new(1, 1);
    private readonly Lock _pendingLock = new();
    private HashSet<string> _pending = new(StringComparer.Ordinal);
    private bool _flushScheduled;
    private Task _lastJob = Task.CompletedTask;
    private readonly LiveUnitWatcher _watcher;
    private DateTimeOffset _lastHousekeeping = DateTimeOffset.UtcNow;

    /// <summary>Units read again by a targeted update, and when: watched for a while even if no run of theirs is live.
    /// Touched only by jobs, which run one at a time.</summary>
    private readonly Dictionary<string, DateTimeOffset> _recentlyUpdated = new(StringComparer.Ordinal);

    public IndexingService(WorkspaceSession session, JsonRpc rpc, bool progressSupported, ServerLogger log, CancellationToken shutdown)
    {
        _session = session;
        _rpc = rpc;
        _progressSupported = progressSupported;
        _log = log;
        _shutdown = shutdown;
        _watcher = new LiveUnitWatcher(PathsChanged, log);
    }

    /// <summary>The units the server watches itself, for tests.</summary>
    internal IReadOnlyList<string> WatchedUnits => _watcher.WatchedUnits;

    /// <summary>Completes when the most recently started job has finished.</summary>
    public Task LastJob => Volatile.Read(ref _lastJob);

    public Task StartFullScan()
    {
        var job = Task.Run(() => RunExclusiveAsync(FullScanAsync), _shutdown);
        Volatile.Write(ref _lastJob, job);
        return job;
    }

    /// <summary>How often the server looks for what time alone changes: runs that stopped being live, and running
    /// runs silent long enough for their readers to call them killed.</summary>
    internal static TimeSpan HousekeepingInterval { get; } = TimeSpan.FromSeconds(30);

    /// <summary>A minute past the silence after which W&amp;B and Sacred call a running run killed: a new read then sees it.</summary>
    internal static TimeSpan QuietBeforeReread { get; } = Core.Model.SilentRuns.KilledAfter + TimeSpan.FromMinutes(1);

    /// <summary>Runs housekeeping every <see cref="HousekeepingInterval"/> until shutdown, one job among the others.</summary>
    public void StartHousekeeping() => _ = Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(HousekeepingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_shutdown).ConfigureAwait(false))
            {
                await HousekeepAsync(DateTimeOffset.UtcNow).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }, _shutdown);

    /// <summary>One housekeeping pass as of <paramref name="now"/> (tests pass a time of their own): re-reads the
    /// running runs gone quiet and tells the client of every run whose live state ended since the last pass.</summary>
    internal Task HousekeepAsync(DateTimeOffset now) => RunExclusiveAsync(() => HousekeepCoreAsync(now));

    private async Task HousekeepCoreAsync(DateTimeOffset now)
    {
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        var stale = _session.Store.FindStaleRunningUnits(now, QuietBeforeReread);
        if (stale.Count > 0)
        {
            var result = await Task.Run(() => _session.Indexer.Reread(_session.Root, stale, _shutdown), _shutdown).ConfigureAwait(false);
            changed.UnionWith(result.ChangedRunIds);
        }

        var leaving = _session.Store.FindRunsLeavingLive(_lastHousekeeping, now, LiveWindow);
        changed.UnionWith(leaving);
        _lastHousekeeping = now;

        // A starred run's snapshot waits until the run is quiet, so its file is not rewritten at every new line.
        changed.UnionWith(_session.Indexer.Annotations.RefreshSnapshots(leaving, now));
        if (changed.Count == 0)
        {
            return;
        }

        _session.IndexChanged();
        await NotifyAsync(LspMethods.RunsChanged, new RunsChangedParams([.. changed], All: false)).ConfigureAwait(false);
        await SendStatusAsync("ready").ConfigureAwait(false);
    }

    public void PathsChanged(IEnumerable<string> paths)
    {
        if (_shutdown.IsCancellationRequested)
        {
            return;
        }

        lock (_pendingLock)
        {
            _pending.UnionWith(paths);
            if (_flushScheduled)
            {
                return;
            }

            _flushScheduled = true;
        }

        var job = Task.Run(async () =>
        {
            await Task.Delay(Debounce, _shutdown).ConfigureAwait(false);
            await RunExclusiveAsync(FlushChangesAsync).ConfigureAwait(false);
        }, _shutdown);
        Volatile.Write(ref _lastJob, job);
    }

    private async Task RunExclusiveAsync(Func<Task> job)
    {
        await _oneJob.WaitAsync(_shutdown).ConfigureAwait(false);
        try
        {
            await job().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _log.Error($"Indexing failed: {ex}");
        }
        finally
        {
            _oneJob.Release();
        }
    }

    private async Task FullScanAsync()
    {
        await SendStatusAsync("indexing").ConfigureAwait(false);
        var progress = await WorkDoneProgress.BeginAsync(_rpc, _progressSupported, "Indexing runs", "Looking for runs…", _shutdown).ConfigureAwait(false);
        var reporter = new Progress<Core.Indexing.IndexProgress>(p =>
            progress.Report($"{p.UnitsDone:N0} of {p.UnitsTotal:N0}", p.UnitsTotal == 0 ? 0 : (int)(100L * p.UnitsDone / p.UnitsTotal)));
        var result = await Task.Run(() => _session.Indexer.IndexWorkspace(_session.Root, reporter, _shutdown), _shutdown).ConfigureAwait(false);
        _session.IndexChanged();
        var counts = _session.Store.GetCounts(DateTimeOffset.UtcNow, LiveWindow);
        await progress.EndAsync(Labels.IndexSummary(counts.Runs, counts.Live, counts.Problems)).ConfigureAwait(false);
        _log.Info($"Indexed {_session.Root}: {result.UnitsSeen:N0} units, {result.UnitsRead:N0} read, {result.UnitsRemoved:N0} removed in {Labels.Duration(result.Elapsed)}.");
        await NotifyAsync(LspMethods.RunsChanged, new RunsChangedParams(result.ChangedRunIds, All: true)).ConfigureAwait(false);
        WatchLiveUnits(result);
        await SendStatusAsync("ready").ConfigureAwait(false);
    }

    private async Task FlushChangesAsync()
    {
        HashSet<string> paths;
        lock (_pendingLock)
        {
            paths = _pending;
            _pending = new HashSet<string>(StringComparer.Ordinal);
            _flushScheduled = false;
        }

        if (paths.Count == 0)
        {
            return;
        }

        var result = await Task.Run(() => _session.Indexer.IndexPaths(_session.Root, paths, _shutdown), _shutdown).ConfigureAwait(false);
        if (result.ChangedRunIds.Count == 0 && result.UnitsRead == 0 && result.UnitsRemoved == 0)
        {
            _watcher.DropGone();
            return;
        }

        _session.IndexChanged();
        await NotifyAsync(LspMethods.RunsChanged, new RunsChangedParams(result.ChangedRunIds, All: false)).ConfigureAwait(false);
        WatchLiveUnits(result);
        await SendStatusAsync("ready").ConfigureAwait(false);
    }

    /// <summary>After the client has heard of the change, and before the ready status (so "ready" means watched too):
    /// watch the units holding live runs, newest first, then those a targeted update read within the live window;
    /// stop watching the rest.</summary>
    private void WatchLiveUnits(Core.Indexing.IndexResult result)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var path in result.UnitPathsRead)
        {
            _recentlyUpdated[path] = now;
        }

        foreach (var (path, _) in _recentlyUpdated.Where(u => now - u.Value > LiveWindow || !(Directory.Exists(u.Key) || File.Exists(u.Key))).ToList())
        {
            _recentlyUpdated.Remove(path);
        }

        var live = _session.Store.FindLiveUnitPaths(now - LiveWindow, LiveUnitWatcher.MaxUnits);
        _watcher.WatchOnly(live.Concat(_recentlyUpdated.OrderByDescending(u => u.Value).Select(u => u.Key)));
    }

    /// <summary>Stops the server's own watching; called at shutdown.</summary>
    public void Dispose() => _watcher.Dispose();

    /// <summary>A run counts as live when it says it is running and its files changed this recently.</summary>
    public static TimeSpan LiveWindow { get; } = Core.Model.LiveRuns.Window;

    private Task SendStatusAsync(string state)
    {
        var counts = _session.Store.GetCounts(DateTimeOffset.UtcNow, LiveWindow);
        return NotifyAsync(LspMethods.IndexStatus, new IndexStatusParams(state, counts.Runs, counts.Live, counts.Problems, Labels.IndexSummary(counts.Runs, counts.Live, counts.Problems)));
    }

    private async Task NotifyAsync(string method, object parameters)
    {
        if (_rpc.IsDisposed)
        {
            return;
        }

        try
        {
            await _rpc.NotifyWithParameterObjectAsync(method, parameters).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }
        catch (ConnectionLostException)
        {
        }
    }
}
