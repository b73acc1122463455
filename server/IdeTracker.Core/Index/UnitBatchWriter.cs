using IdeTracker.Core.Discovery;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Index;

/// <summary>The write side of the index: statements prepared once and re-bound for every row, each call
/// one transaction. Not thread-safe; <see cref="IndexStore"/> serialises calls.</summary>
internal sealed class UnitBatchWriter : IDisposable
{
    private const string RunsOfUnit = "SELECT run FROM runs WHERE unit = ?1";

    private static readonly string GitFolder = Path.DirectorySeparatorChar + ".git" + Path.DirectorySeparatorChar;

    private readonly SqliteConnection connection;
    private readonly string workspaceRoot;
    private readonly List<BoundStatement> statements = [];
    private readonly BoundStatement findUnit;
    private readonly BoundStatement runIdsOfUnit;
    private readonly BoundStatement[] deleteUnitRows;
    private readonly BoundStatement deleteUnit;
    private readonly BoundStatement updateUnit;
    private readonly BoundStatement insertUnit;
    private readonly BoundStatement insertFile;
    private readonly BoundStatement insertRun;
    private readonly BoundStatement adoptChildren;
    private readonly BoundStatement unitOfRun;
    private readonly BoundStatement insertParam;
    private readonly BoundStatement insertSummary;
    private readonly BoundStatement insertSeries;
    private readonly BoundStatement insertTag;
    private readonly BoundStatement insertPackage;
    private readonly BoundStatement insertEnvironment;
    private readonly BoundStatement insertMedia;
    private readonly BoundStatement insertDataInput;
    private readonly BoundStatement insertProblem;
    private readonly BoundStatement deleteScanProblems;
    private readonly AnnotationRowWriter annotations;
    private byte[] seriesBuffer = new byte[4096];

    public UnitBatchWriter(SqliteConnection connection, string workspaceRoot)
    {
        this.connection = connection;
        this.workspaceRoot = workspaceRoot;
        findUnit = Prepare("SELECT id FROM units WHERE path = ?1");
        runIdsOfUnit = Prepare("SELECT id FROM runs WHERE unit = ?1");
        deleteUnitRows =
        [
            Prepare("UPDATE runs SET top = 1 WHERE top = 0 AND parent_id IN (SELECT id FROM runs WHERE unit = ?1)"),
            Prepare($"DELETE FROM params WHERE run IN ({RunsOfUnit})"),
            Prepare($"DELETE FROM metric_summaries WHERE run IN ({RunsOfUnit})"),
            Prepare($"DELETE FROM metric_series WHERE run IN ({RunsOfUnit})"),
            Prepare($"DELETE FROM tags WHERE run IN ({RunsOfUnit})"),
            Prepare($"DELETE FROM packages WHERE run IN ({RunsOfUnit})"),
            Prepare($"DELETE FROM environment WHERE run IN ({RunsOfUnit})"),
            Prepare($"DELETE FROM media WHERE run IN ({RunsOfUnit})"),
            Prepare($"DELETE FROM data_inputs WHERE run IN ({RunsOfUnit})"),
            Prepare("DELETE FROM runs WHERE unit = ?1"),
            Prepare("DELETE FROM files WHERE unit = ?1"),
            Prepare("DELETE FROM problems WHERE unit = ?1"),
        ];
        deleteUnit = Prepare("DELETE FROM units WHERE id = ?1");
        updateUnit = Prepare("UPDATE units SET format = ?2, store_path = ?3, fingerprint = ?4, file_count = ?5, max_mtime = ?6, read_ticks = ?7 WHERE id = ?1");
        insertUnit = Prepare("""
            INSERT INTO units(path, format, store_path, fingerprint, file_count, max_mtime, read_ticks) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id
            """);
        insertFile = Prepare("INSERT INTO files(unit, path, size, mtime) VALUES(?1, ?2, ?3, ?4)");
        insertRun = Prepare("""
            INSERT INTO runs(id, unit, source, store_key, store_path, experiment_id, experiment, name, native_id, parent_id,
                status, start_ms, end_ms, user_name, host, command, git_commit, git_dirty, note, directory, metrics_file, label, top)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
                ?10 IS NULL OR NOT EXISTS (SELECT 1 FROM runs WHERE id = ?10))
            ON CONFLICT(id) DO NOTHING
            RETURNING run
            """);
        adoptChildren = Prepare("UPDATE runs SET top = 0 WHERE parent_id = ?1 AND top = 1 AND id <> ?1");
        unitOfRun = Prepare("SELECT u.path FROM runs r JOIN units u ON u.id = r.unit WHERE r.id = ?1");
        insertParam = Prepare("INSERT INTO params(run, key, text, num) VALUES(?1, ?2, ?3, ?4)");
        insertSummary = Prepare("""
            INSERT INTO metric_summaries(run, key, first, last, min, max, count, last_step, last_ts)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """);
        insertSeries = Prepare("INSERT INTO metric_series(run, key, blob) VALUES(?1, ?2, ?3)");
        insertTag = Prepare("INSERT INTO tags(run, key, value) VALUES(?1, ?2, ?3)");
        insertPackage = Prepare("INSERT INTO packages(run, name, version) VALUES(?1, ?2, ?3)");
        insertEnvironment = Prepare("INSERT INTO environment(run, key, value) VALUES(?1, ?2, ?3)");
        insertMedia = Prepare("INSERT OR IGNORE INTO media(run, tag, kind, count, last_step) VALUES(?1, ?2, ?3, ?4, ?5)");
        insertDataInput = Prepare("INSERT INTO data_inputs(run, path, digest, size, files) VALUES(?1, ?2, ?3, ?4, ?5)");
        insertProblem = Prepare("INSERT INTO problems(unit, path, line, message, severity) VALUES(?1, ?2, ?3, ?4, ?5)");
        deleteScanProblems = Prepare("DELETE FROM problems WHERE unit IS NULL");
        annotations = new AnnotationRowWriter(connection, workspaceRoot);
    }

    /// <summary>The annotation mirror's writes, on the same connection.</summary>
    public AnnotationRowWriter Annotations => annotations;

    public IndexWriteResult Write(IReadOnlyList<(RunUnit Unit, UnitReadResult Result)> batch)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var written = 0;
        using var transaction = connection.BeginTransaction();
        var ghosts = annotations.GhostIds();
        foreach (var (unit, result) in batch)
        {
            var unitId = ReplaceUnit(unit, result.Files, changed);
            foreach (var file in result.Files)
            {
                // A file inside the unit's folder leads back to the unit by its path; only the others need a row.
                if (!PathComparison.IsSameOrBelow(unit.Path, file.Path))
                {
                    insertFile.Bind(1, unitId).Bind(2, file.Path).Bind(3, file.Size).Bind(4, file.MtimeTicks).Execute();
                }
            }

            foreach (var problem in result.Problems)
            {
                InsertProblem(unitId, problem);
            }

            foreach (var run in result.Runs)
            {
                if (ghosts.Remove(run.Id))
                {
                    // The run's files are back: the real run replaces the ghost its annotation kept.
                    annotations.DeleteGhost(run.Id);
                }

                if (InsertRun(unitId, run))
                {
                    written++;
                    changed.Add(run.Id);
                }
            }
        }

        changed.UnionWith(annotations.RestoreGhosts());
        transaction.Commit();
        return new IndexWriteResult(written, changed);
    }

    public IReadOnlyCollection<string> Remove(IReadOnlyCollection<string> unitPaths)
    {
        var removed = new HashSet<string>(StringComparer.Ordinal);
        using var transaction = connection.BeginTransaction();
        foreach (var path in unitPaths)
        {
            if (findUnit.Bind(1, path).ScalarInt64() is long unitId)
            {
                DeleteRowsOf(unitId, removed);
                deleteUnit.Bind(1, unitId).Execute();
            }
        }

        removed.UnionWith(annotations.RestoreGhosts());
        transaction.Commit();
        return removed;
    }

    public void ReplaceScanProblems(IReadOnlyList<Problem> problems)
    {
        using var transaction = connection.BeginTransaction();
        deleteScanProblems.Execute();
        foreach (var problem in problems)
        {
            InsertProblem(null, problem);
        }

        transaction.Commit();
    }

    public void Dispose()
    {
        annotations.Dispose();
        foreach (var statement in statements)
        {
            statement.Dispose();
        }
    }

    private long ReplaceUnit(RunUnit unit, IReadOnlyList<FileStamp> files, HashSet<string> changed)
    {
        var fingerprint = StampFingerprint.Of(files);
        // Only the unit's own files say whether its runs are being written: an experiment's meta.yaml or the git
        // refs a DVC project is read from (inside the project when it is the repository's root) change for
        // reasons of their own.
        var newest = 0L;
        foreach (var file in files)
        {
            if (PathComparison.IsSameOrBelow(unit.Path, file.Path) && !file.Path.Contains(GitFolder, StringComparison.Ordinal))
            {
                newest = Math.Max(newest, file.MtimeTicks);
            }
        }

        if (findUnit.Bind(1, unit.Path).ScalarInt64() is long existing)
        {
            DeleteRowsOf(existing, changed);
            updateUnit.Bind(1, existing).Bind(2, unit.Format).Bind(3, unit.StorePath).Bind(4, fingerprint).Bind(5, files.Count).Bind(6, newest)
                .Bind(7, DateTime.UtcNow.Ticks).Execute();
            return existing;
        }

        return insertUnit.Bind(1, unit.Path).Bind(2, unit.Format).Bind(3, unit.StorePath).Bind(4, fingerprint).Bind(5, files.Count).Bind(6, newest)
            .Bind(7, DateTime.UtcNow.Ticks).ScalarInt64()!.Value;
    }

    private void DeleteRowsOf(long unitId, HashSet<string> removedRunIds)
    {
        runIdsOfUnit.Bind(1, unitId).ReadStrings(removedRunIds);
        foreach (var delete in deleteUnitRows)
        {
            delete.Bind(1, unitId).Execute();
        }
    }

    private bool InsertRun(long unitId, Run run)
    {
        var storeKey = run.Source + ":" + PathText.RelativeOrSelf(workspaceRoot, run.StorePath);
        var inserted = insertRun
            .Bind(1, run.Id)
            .Bind(2, unitId)
            .Bind(3, run.Source)
            .Bind(4, storeKey)
            .Bind(5, run.StorePath)
            .Bind(6, run.ExperimentId)
            .Bind(7, run.Experiment)
            .Bind(8, run.Name)
            .Bind(9, run.NativeId)
            .Bind(10, run.ParentId)
            .Bind(11, run.Status.ToWire())
            .Bind(12, run.StartTime?.ToUnixTimeMilliseconds())
            .Bind(13, run.EndTime?.ToUnixTimeMilliseconds())
            .Bind(14, run.User)
            .Bind(15, run.Host)
            .Bind(16, run.Command)
            .Bind(17, run.GitCommit)
            .Bind(18, run.GitDirty is bool dirty ? (dirty ? 1L : 0L) : null)
            .Bind(19, run.Note)
            .Bind(20, run.Directory)
            .Bind(21, run.MetricsFile)
            .Bind(22, run.Label)
            .ScalarInt64();
        if (inserted is not long runKey)
        {
            ReportDuplicate(unitId, run);
            return false;
        }

        adoptChildren.Bind(1, run.Id).Execute();

        foreach (var (key, text) in run.Params)
        {
            insertParam.Bind(1, runKey).Bind(2, key).Bind(3, text).Bind(4, ParamNumber.Parse(text)).Execute();
        }

        foreach (var (key, points) in run.Metrics)
        {
            if (MetricSummary.Of(points) is not { } summary)
            {
                continue;
            }

            insertSummary
                .Bind(1, runKey)
                .Bind(2, key)
                .Bind(3, summary.First)
                .Bind(4, summary.Last)
                .Bind(5, summary.Min)
                .Bind(6, summary.Max)
                .Bind(7, summary.Count)
                .Bind(8, summary.LastStep)
                .Bind(9, summary.LastTimestampMs)
                .Execute();
            insertSeries.Bind(1, runKey).Bind(2, key).Bind(3, MetricSeriesCodec.Encode(points, ref seriesBuffer)).Execute();
        }

        foreach (var (key, value) in run.Tags)
        {
            insertTag.Bind(1, runKey).Bind(2, key).Bind(3, value).Execute();
        }

        InsertEnvironment(runKey, run);
        return true;
    }

    /// <summary>Packages, environment, media and data inputs: most runs have none, so each loop is usually empty.</summary>
    private void InsertEnvironment(long runKey, Run run)
    {
        foreach (var (name, version) in run.Packages)
        {
            insertPackage.Bind(1, runKey).Bind(2, name).Bind(3, version).Execute();
        }

        foreach (var (key, value) in run.Environment)
        {
            insertEnvironment.Bind(1, runKey).Bind(2, key).Bind(3, value).Execute();
        }

        foreach (var media in run.Media)
        {
            insertMedia.Bind(1, runKey).Bind(2, media.Tag).Bind(3, media.Kind).Bind(4, media.Count).Bind(5, media.LastStep).Execute();
        }

        foreach (var input in run.DataInputs)
        {
            insertDataInput.Bind(1, runKey).Bind(2, input.Path).Bind(3, input.Digest).Bind(4, input.Size).Bind(5, input.Files).Execute();
        }
    }

    private void ReportDuplicate(long unitId, Run run)
    {
        var owners = new List<string>(1);
        unitOfRun.Bind(1, run.Id).ReadStrings(owners);
        var owner = owners.Count > 0 ? PathText.RelativeOrSelf(workspaceRoot, owners[0]) : "another unit";
        InsertProblem(unitId, new Problem(
            run.Directory,
            0,
            $"run {run.NativeId} has the same id ({run.Id}) as a run already read from {owner}; it is skipped",
            ProblemSeverity.Warning));
    }

    private void InsertProblem(long? unitId, Problem problem) =>
        insertProblem
            .Bind(1, unitId)
            .Bind(2, problem.Path)
            .Bind(3, problem.Line)
            .Bind(4, problem.Message)
            .Bind(5, problem.Severity.ToString().ToLowerInvariant())
            .Execute();

    private BoundStatement Prepare(string sql)
    {
        var statement = new BoundStatement(connection, sql);
        statements.Add(statement);
        return statement;
    }
}
