using IdeTracker.Server.Lsp;

namespace IdeTracker.Server.Features.Indexing;

/// <summary>The server's own watch on the units whose runs are being written, because the client's file events can
/// come late or not at all (a remote file system, a folder outside the editor's watcher excludes). A folder unit is
/// watched with its sub-folders, a single-file unit (mlflow.db, a CSV log) through its folder, for that file and the
/// files named after it (a database's -wal and -journal). Every change is handed on as a changed path; the indexer's
/// stamps decide whether anything really changed, so a change the client reports too costs nothing more.
/// Bounded: at most <see cref="MaxUnits"/> units. A watcher that fails is dropped and its unit read again; one whose
/// unit is gone goes away quietly. Thread-safe.</summary>
public sealed class LiveUnitWatcher : IDisposable
{
    /// <summary>On Linux each FileSystemWatcher of .NET 10 holds an inotify instance of its own (measured: the 129th
    /// fails), and a user may have 128 of them across every program they run, so the server takes few. The units
    /// beyond these are still updated by the client's file events.</summary>
    public const int MaxUnits = 16;

    /// <summary>Bigger than the default 8 KiB, so a burst of writes across a run's files does not overflow it.</summary>
    private const int BufferBytes = 64 * 1024;

    /// <summary>A folder unit with more sub-folders than this (a DVC project at the workspace root, a run with a big
    /// artifacts tree) is not watched: a recursive watch costs one inotify watch per folder, set up by walking them.</summary>
    private const int MaxFolders = 256;

    private readonly Action<IReadOnlyCollection<string>> _changed;
    private readonly ServerLogger _log;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _refusedLogged = new(StringComparer.Ordinal);

    /// <summary>Folder units found too big to watch, not walked again while they stay wanted.</summary>
    private readonly HashSet<string> _tooBig = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <param name="changed">Called, on a thread-pool thread, with the paths that changed.</param>
    public LiveUnitWatcher(Action<IReadOnlyCollection<string>> changed, ServerLogger log)
    {
        _changed = changed;
        _log = log;
    }

    /// <summary>The unit paths being watched now.</summary>
    public IReadOnlyList<string> WatchedUnits
    {
        get
        {
            lock (_gate)
            {
                return [.. _watchers.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Watches these units (the first <see cref="MaxUnits"/> that exist, in the order given) and no others:
    /// new ones get a watcher, those left out lose theirs.</summary>
    public void WatchOnly(IEnumerable<string> unitPaths)
    {
        var wanted = unitPaths.Distinct(StringComparer.Ordinal).Where(Exists).Take(MaxUnits).ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            foreach (var path in _watchers.Keys.Where(p => !wanted.Contains(p)).ToList())
            {
                _watchers.Remove(path, out var watcher);
                watcher!.Dispose();
            }

            _tooBig.IntersectWith(wanted);
            foreach (var path in wanted)
            {
                if (!_watchers.ContainsKey(path) && TryWatch(path) is { } watcher)
                {
                    _watchers[path] = watcher;
                }
            }
        }
    }

    /// <summary>Stops watching units that no longer exist. A watched folder that is deleted raises events for what was
    /// in it but none for itself, and its watch is dead from then on, even if the folder comes back.</summary>
    public void DropGone()
    {
        lock (_gate)
        {
            foreach (var path in _watchers.Keys.Where(p => !Exists(p)).ToList())
            {
                _watchers.Remove(path, out var watcher);
                watcher!.Dispose();
            }
        }
    }

    private static bool Exists(string path) => Directory.Exists(path) || File.Exists(path);

    private static bool HasFewFolders(string folder) =>
        !Directory.EnumerateDirectories(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
            .Skip(MaxFolders).Any();

    private FileSystemWatcher? TryWatch(string unitPath)
    {
        FileSystemWatcher? watcher = null;
        try
        {
            if (Directory.Exists(unitPath))
            {
                if (_tooBig.Contains(unitPath) || !HasFewFolders(unitPath))
                {
                    if (_tooBig.Add(unitPath) && _refusedLogged.Add(unitPath))
                    {
                        _log.Info($"Not watching {unitPath} for live changes: it holds more than {MaxFolders} folders; the editor's file events still update it.");
                    }

                    return null;
                }

                watcher = new FileSystemWatcher(unitPath) { IncludeSubdirectories = true };
            }
            else if (File.Exists(unitPath) && Path.GetDirectoryName(unitPath) is { } folder)
            {
                watcher = new FileSystemWatcher(folder, Path.GetFileName(unitPath) + "*");
            }
            else
            {
                return null;
            }

            watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
            watcher.InternalBufferSize = BufferBytes;
            watcher.Changed += (_, e) => _changed([e.FullPath]);
            watcher.Created += (_, e) => _changed([e.FullPath]);
            watcher.Deleted += (_, e) => _changed([e.FullPath]);
            watcher.Renamed += (_, e) => _changed([e.OldFullPath, e.FullPath]);
            var started = watcher;
            watcher.Error += (_, e) => OnError(unitPath, started, e.GetException());
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            watcher?.Dispose();
            if (Exists(unitPath))
            {
                // Most often the system's limit on watches; the client's file events still reach the unit.
                if (_refusedLogged.Add(unitPath))
                {
                    _log.Warning($"Not watching {unitPath} for live changes ({e.Message}); the editor's file events still update it.");
                }
            }

            return null;
        }
    }

    /// <summary>A watcher whose events may have been lost (its buffer overflowed) or that stopped: the unit is read
    /// again, and the watcher is dropped so the next indexing pass starts a fresh one if the unit is still live.</summary>
    private void OnError(string unitPath, FileSystemWatcher watcher, Exception error)
    {
        lock (_gate)
        {
            if (!_watchers.TryGetValue(unitPath, out var current) || current != watcher)
            {
                // Already dropped, and disposed, by the one who dropped it.
                return;
            }
        }

        Failed(unitPath, error);
    }

    /// <summary>What a failing watcher of <paramref name="unitPath"/> leads to; internal so tests can make one fail.</summary>
    internal void Failed(string unitPath, Exception error)
    {
        FileSystemWatcher? watcher;
        lock (_gate)
        {
            _watchers.Remove(unitPath, out watcher);
        }

        // Not disposed on the thread raising its own event.
        if (watcher is not null)
        {
            ThreadPool.QueueUserWorkItem(_ => watcher.Dispose());
        }

        if (Exists(unitPath))
        {
            _log.Warning($"Watching {unitPath} failed ({error.Message}); reading it again.");
        }

        _changed([unitPath]);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var watcher in _watchers.Values)
            {
                watcher.Dispose();
            }

            _watchers.Clear();
        }
    }
}
