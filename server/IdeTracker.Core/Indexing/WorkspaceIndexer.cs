using System.Diagnostics;
using IdeTracker.Core.Annotations;
using IdeTracker.Core.Discovery;
using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Indexing;

/// <summary>Keeps the index in step with the workspace: a full scan that reads only units whose file
/// stamps changed, and a targeted update for file-change events. One pass runs at a time, so a targeted
/// update never interleaves with a scan that read the same unit earlier.</summary>
public sealed class WorkspaceIndexer
{
    /// <summary>From this many units to read, and at least as many as are indexed already, building the
    /// value indexes once at the end beats updating them row by row.</summary>
    private const int BulkLoadUnits = 1000;

    private readonly IndexStore store;
    private readonly IUnitDiscovery discovery;
    private readonly Dictionary<string, IRunReader> readers;
    private readonly Lock gate = new();
    private readonly ResumeCache resumes = new();

    public WorkspaceIndexer(IndexStore store, IUnitDiscovery discovery, IEnumerable<IRunReader> readers)
    {
        this.store = store;
        this.discovery = discovery;
        this.readers = readers.ToDictionary(r => r.Format, StringComparer.Ordinal);
        Annotations = new AnnotationMirror(store);
    }

    /// <summary>The mirror of the workspace's annotation files, which every pass brings up to date too.</summary>
    public AnnotationMirror Annotations { get; }

    /// <summary>Discovers every unit, removes the units that are gone, reads the new and changed ones and
    /// replaces discovery's problems.</summary>
    public IndexResult IndexWorkspace(string workspaceRoot, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var started = Stopwatch.GetTimestamp();
            var discovered = discovery.Discover(workspaceRoot, cancellationToken);
            var problems = new List<Problem>(discovered.Problems);
            var units = WithReaders(discovered.Units.DistinctBy(u => u.Path, StringComparer.Ordinal), problems);

            var current = units.Select(u => u.Path).ToHashSet(StringComparer.Ordinal);
            var stored = store.LoadUnits();
            var gone = stored.Keys.Where(path => !current.Contains(path)).ToList();

            // Removing first lets a run that moved to another unit keep its id without a clash.
            var removed = store.RemoveUnits(gone);
            gone.ForEach(resumes.Remove);
            var toRead = Changed(units, stored, cancellationToken);
            var unchanged = units.Count - toRead.Count;
            progress?.Report(new IndexProgress(unchanged, units.Count, null));

            PipelineOutcome outcome;
            using (toRead.Count >= BulkLoadUnits && toRead.Count >= stored.Count ? store.BeginBulkLoad() : null)
            {
                outcome = ReadWritePipeline.Run(
                    store,
                    toRead,
                    (written, path) => progress?.Report(new IndexProgress(unchanged + written, units.Count, path)),
                    cancellationToken);
            }

            store.ReplaceScanProblems(problems);
            return Result(units.Count, gone.Count, removed, outcome, started, SyncAnnotations(null, outcome));
        }
    }

    /// <summary>Brings the index up to date for these changed files or folders only: the units they belong
    /// to (by discovery, or known units at, above or below them, or that stamped them) are re-stamped and
    /// re-read if changed, or removed when gone. Never a full scan.</summary>
    public IndexResult IndexPaths(string workspaceRoot, IReadOnlyCollection<string> changedPaths, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var started = Stopwatch.GetTimestamp();
            var current = new Dictionary<string, RunUnit>(StringComparer.Ordinal);
            var known = new SortedSet<string>(StringComparer.Ordinal);
            var annotationPaths = changedPaths.Where(p => AnnotationFolder.IsInside(workspaceRoot, p)).ToList();
            foreach (var changed in changedPaths.Except(annotationPaths))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(changed));
                var unit = discovery.FindUnitContaining(workspaceRoot, path);
                AddIfReadable(unit, current);
                known.UnionWith(store.FindUnitPathsRelatedTo(path));
                if (unit is null && Directory.Exists(path))
                {
                    // A folder that appeared whole (a copied experiment or store) may hold runs whose own
                    // files never raise an event of their own.
                    foreach (var below in UnitsInNewFolder(workspaceRoot, path, cancellationToken))
                    {
                        AddIfReadable(below, current);
                    }
                }
            }

            var gone = new List<string>();
            foreach (var path in known.Where(p => !current.ContainsKey(p)))
            {
                var unit = File.Exists(path) || Directory.Exists(path) ? discovery.FindUnitContaining(workspaceRoot, path) : null;
                AddIfReadable(unit, current);
                if (!current.ContainsKey(path))
                {
                    gone.Add(path);
                }
            }

            var removed = store.RemoveUnits(gone);
            gone.ForEach(resumes.Remove);
            var units = current.Values.ToList();

            // Units changed one by one are the ones being written: keep where their readers stopped, so the
            // next change reads only what was appended.
            var toRead = Changed(units, store.LoadUnits(current.Keys), cancellationToken)
                .ConvertAll(u => u with { Resume = resumes.Get(u.Unit.Path) });
            var outcome = ReadWritePipeline.Run(store, toRead, null, cancellationToken, (unit, result) => resumes.Put(unit.Path, result));
            return Result(units.Count, gone.Count, removed, outcome, started, SyncAnnotations(annotationPaths, outcome))
                with { UnitPathsRead = [.. toRead.Select(u => u.Unit.Path)] };
        }
    }

    /// <summary>Reads these indexed units again whatever their stamps say (a reader's verdict can change with time
    /// alone: a run silent for long enough was killed). Units that are gone or unknown to the index are skipped.</summary>
    public IndexResult Reread(string workspaceRoot, IReadOnlyCollection<string> unitPaths, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var started = Stopwatch.GetTimestamp();
            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workspaceRoot));
            var toRead = new List<UnitToRead>();
            foreach (var (path, state) in store.LoadUnits(unitPaths))
            {
                if (readers.TryGetValue(state.Format, out var reader) && (Directory.Exists(path) || File.Exists(path)))
                {
                    toRead.Add(new UnitToRead(new RunUnit(state.Format, path, state.StorePath, root), reader, null, resumes.Get(path)));
                }
            }

            var outcome = ReadWritePipeline.Run(store, toRead, null, cancellationToken, (unit, result) => resumes.Put(unit.Path, result));
            return Result(toRead.Count, 0, [], outcome, started, Annotations.RefreshSnapshots(outcome.ChangedRunIds, DateTimeOffset.UtcNow));
        }
    }

    /// <summary>The units at or below a folder that appeared, found by discovering from the folder and,
    /// failing that, from its parent (a new experiment is only known as one from its store). Never from the
    /// workspace root itself, which would be a full walk for every new top-level folder; folders that
    /// discovery prunes (.git, node_modules, virtualenvs…) are not looked into.</summary>
    private IEnumerable<RunUnit> UnitsInNewFolder(string workspaceRoot, string folder, CancellationToken cancellationToken)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workspaceRoot));
        var relative = Path.GetRelativePath(root, folder);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            || relative.Split(Path.DirectorySeparatorChar).Any(ExcludeRules.IsPrunedName))
        {
            return [];
        }

        foreach (var start in new[] { folder, Path.GetDirectoryName(folder) })
        {
            if (start is null || string.Equals(Path.TrimEndingDirectorySeparator(start), root, StringComparison.Ordinal) && start != folder)
            {
                continue;
            }

            var found = discovery.Discover(start, cancellationToken).Units
                .Where(u => u.Path == folder || u.Path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Select(u => u with { WorkspaceRoot = root })
                .ToList();
            if (found.Count > 0)
            {
                return found;
            }
        }

        return [];
    }

    private List<RunUnit> WithReaders(IEnumerable<RunUnit> units, List<Problem> problems)
    {
        var readable = new List<RunUnit>();
        foreach (var unit in units)
        {
            if (readers.ContainsKey(unit.Format))
            {
                readable.Add(unit);
            }
            else
            {
                problems.Add(new Problem(unit.Path, 0, $"no reader for {unit.Format} units", ProblemSeverity.Warning));
            }
        }

        return readable;
    }

    private void AddIfReadable(RunUnit? unit, Dictionary<string, RunUnit> into)
    {
        if (unit is not null && readers.ContainsKey(unit.Format))
        {
            into.TryAdd(unit.Path, unit);
        }
    }

    /// <summary>Stamps every known unit (stat only, in parallel) and keeps those that differ from the index,
    /// plus every unit the index does not know yet.</summary>
    private List<UnitToRead> Changed(
        IReadOnlyList<RunUnit> units,
        IReadOnlyDictionary<string, UnitState> stored,
        CancellationToken cancellationToken)
    {
        var plans = new UnitToRead?[units.Count];
        Parallel.For(
            0,
            units.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            i =>
            {
                var unit = units[i];
                var reader = readers[unit.Format];
                if (!stored.ContainsKey(unit.Path))
                {
                    // A unit the index has never seen is read regardless; its read records the stamps.
                    plans[i] = new UnitToRead(unit, reader, null);
                    return;
                }

                var stamps = SafeUnitReading.Stamp(reader, unit, cancellationToken);
                var unchanged = stamps is not null
                    && stored.TryGetValue(unit.Path, out var state)
                    && state.IsUnchanged(unit, stamps);
                plans[i] = unchanged ? null : new UnitToRead(unit, reader, stamps);
            });
        return [.. plans.OfType<UnitToRead>()];
    }

    /// <summary>After the units: reads the annotation files (all of them, or the changed ones) into the mirror, then
    /// refreshes the snapshots of the annotated runs that were just read again, or after a full scan of every
    /// annotated run (one that was live when last read has gone quiet since). Returns the runs whose annotation changed.</summary>
    private IReadOnlyCollection<string> SyncAnnotations(IReadOnlyList<string>? changedPaths, PipelineOutcome outcome)
    {
        var changed = new SortedSet<string>(
            changedPaths is null ? Annotations.SyncAll() : Annotations.SyncFiles(changedPaths), StringComparer.Ordinal);
        var toRefresh = changedPaths is null ? store.GetAnnotatedRunIds() : (IEnumerable<string>)outcome.ChangedRunIds;
        changed.UnionWith(Annotations.RefreshSnapshots(toRefresh, DateTimeOffset.UtcNow));
        return changed;
    }

    private static IndexResult Result(
        int seen, int removedUnits, IReadOnlyCollection<string> removedRuns, PipelineOutcome outcome, long started, IEnumerable<string> annotated)
    {
        var changed = new SortedSet<string>(removedRuns, StringComparer.Ordinal);
        changed.UnionWith(outcome.ChangedRunIds);
        changed.UnionWith(annotated);
        return new IndexResult(seen, outcome.UnitsWritten, removedUnits, outcome.RunsWritten, [.. changed], Stopwatch.GetElapsedTime(started));
    }
}
