using IdeTracker.Core.Index;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Annotations;

/// <summary>Keeps the index's mirror of <c>.ide-tracker/runs/</c> in step with the files, and changes the files on
/// the user's behalf. The files are the record: the mirror is filled from them, never the other way round, and a file
/// that does not parse becomes a located problem and is left exactly as it is. File writes happen one at a time, so
/// a snapshot refresh never writes back an annotation the user has just changed.</summary>
public sealed class AnnotationMirror
{
    private readonly IndexStore store;
    private readonly string root;
    private readonly Lock fileWrites = new();

    public AnnotationMirror(IndexStore store)
    {
        this.store = store;
        root = store.WorkspaceRoot;
    }

    public string FileOf(string runId) => AnnotationFolder.FileFor(root, runId);

    /// <summary>Reads every file of the folder into the mirror; returns the runs whose annotation changed.</summary>
    public IReadOnlyCollection<string> SyncAll()
    {
        lock (fileWrites)
        {
            var rows = new List<AnnotationRow>();
            var problems = new List<Problem>();
            var folder = AnnotationFolder.Of(root);
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.EnumerateFiles(folder, "*" + AnnotationFolder.Extension).Order(StringComparer.Ordinal))
                {
                    if (AnnotationFolder.RunIdOf(root, file) is null)
                    {
                        problems.Add(new Problem(file, 0, "not named after a run id (letters, digits, '-' and '_'), so it is not read", ProblemSeverity.Warning));
                        continue;
                    }

                    ReadInto(file, rows, problems);
                }
            }

            return store.ReplaceAnnotations(rows, problems);
        }
    }

    /// <summary>Reads these changed paths again (files of the folder; the folder itself means all of it); other
    /// paths are ignored. Returns the runs whose annotation changed.</summary>
    public IReadOnlyCollection<string> SyncFiles(IEnumerable<string> paths)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (AnnotationFolder.IsFolderOrAbove(root, path))
            {
                return SyncAll();
            }

            if (AnnotationFolder.RunIdOf(root, path) is not null)
            {
                files.Add(Path.GetFullPath(path));
            }
        }

        lock (fileWrites)
        {
            return Mirror(files);
        }
    }

    /// <summary>Rewrites the snapshot of each annotated run among <paramref name="runIds"/> whose indexed params,
    /// metrics, status or times no longer match it; an unchanged run's file is not touched, and neither is a live run's
    /// (it would change with every line the run writes; it is refreshed once it is quiet). Returns the runs whose file
    /// was rewritten.</summary>
    public IReadOnlyCollection<string> RefreshSnapshots(IEnumerable<string> runIds, DateTimeOffset now)
    {
        var annotated = store.GetAnnotatedRunIds();
        var rewritten = new SortedSet<string>(StringComparer.Ordinal);
        lock (fileWrites)
        {
            foreach (var runId in runIds.Where(annotated.Contains))
            {
                if (store.GetRunDetails(runId, null) is not { Run.Gone: false } details || details.Run.IsLive(now, LiveRuns.Window))
                {
                    continue;
                }

                var path = FileOf(runId);
                if (File.Exists(path) && AnnotationFileFormat.Read(path).Annotation is { } annotation)
                {
                    var refreshed = WithSnapshotOf(annotation, details, now);
                    if (!ReferenceEquals(refreshed, annotation))
                    {
                        AnnotationFileWriter.Write(path, refreshed);
                        rewritten.Add(path);
                    }
                }
            }

            return Mirror(rewritten);
        }
    }

    /// <summary>Changes one run's annotation file (creating it when the run has none) and the mirror; the file keeps
    /// a fresh snapshot of the run when the index holds it, else the one it had. A file whose content would not change
    /// is not rewritten.</summary>
    /// <exception cref="AnnotationFileException">The run's file does not parse (it is left untouched), or the run is
    /// not in the index and has no file.</exception>
    public RunAnnotation Apply(string runId, AnnotationChange change, DateTimeOffset now)
    {
        var path = FileOf(runId);
        lock (fileWrites)
        {
            RunAnnotation? existing = null;
            if (File.Exists(path))
            {
                var read = AnnotationFileFormat.Read(path);
                if (read.Problem is { } problem)
                {
                    Mirror([path]);
                    throw AnnotationFileWriter.Unparsable(problem);
                }

                existing = read.Annotation;
            }

            var details = store.GetRunDetails(runId, null);
            if (details is null && existing is null)
            {
                throw new AnnotationFileException($"no run with id {runId} is indexed");
            }

            var annotation = change.ApplyTo(existing ?? new RunAnnotation { RunId = runId });
            if (details is { Run.Gone: false })
            {
                annotation = WithSnapshotOf(annotation, details, now);
            }

            if (existing is null || AnnotationFileFormat.Serialize(annotation) != AnnotationFileFormat.Serialize(existing))
            {
                AnnotationFileWriter.Write(path, annotation);
            }

            Mirror([path]);
            return annotation;
        }
    }

    /// <summary>The annotation with the run's current snapshot, or the same instance when its snapshot already says
    /// the same (unknown snapshot fields carry over).</summary>
    private RunAnnotation WithSnapshotOf(RunAnnotation annotation, RunDetailsRow details, DateTimeOffset now)
    {
        var fresh = RunSnapshots.From(details, root, now);
        if (annotation.Snapshot is { } old && old.SameRunAs(fresh))
        {
            return annotation;
        }

        return annotation with { Snapshot = fresh with { Extra = annotation.Snapshot?.Extra } };
    }

    private IReadOnlyCollection<string> Mirror(IReadOnlyCollection<string> files)
    {
        if (files.Count == 0)
        {
            return [];
        }

        var rows = new List<AnnotationRow>();
        var problems = new List<Problem>();
        foreach (var file in files.Where(File.Exists))
        {
            ReadInto(file, rows, problems);
        }

        return store.ReplaceAnnotationFiles(files, rows, problems);
    }

    private static void ReadInto(string file, List<AnnotationRow> rows, List<Problem> problems)
    {
        var read = AnnotationFileFormat.Read(file);
        if (read.Annotation is { } annotation)
        {
            rows.Add(AnnotationRow.From(annotation, file));
        }
        else if (read.Problem is { } problem)
        {
            problems.Add(problem);
        }
    }
}
