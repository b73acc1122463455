using IdeTracker.Core.Annotations;
using IdeTracker.Core.Model;
using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Index;

/// <summary>Writes the annotation mirror (<c>annotations</c>, <c>annotation_tags</c>, the problems of annotation
/// files) and keeps the ghost runs in step with it: an annotated run the index does not hold otherwise is a row of
/// <c>runs</c> with <see cref="IndexSchema.AnnotationUnit"/> as its unit, its params and last metric values taken
/// from the annotation's snapshot, so the tree, filters and compare treat it like any run. No call opens a
/// transaction: each runs inside the caller's.</summary>
internal sealed class AnnotationRowWriter : IDisposable
{
    private const char Separator = '\u001e';
    private const string GhostRunsOf = "SELECT run FROM runs WHERE id = ?1 AND unit = -1";

    private readonly string workspaceRoot;
    private readonly List<BoundStatement> statements = [];
    private readonly BoundStatement signatures;
    private readonly BoundStatement signaturesOfFile;
    private readonly BoundStatement problemSignatures;
    private readonly BoundStatement problemSignaturesOfFile;
    private readonly BoundStatement deleteAll;
    private readonly BoundStatement deleteAllTags;
    private readonly BoundStatement deleteAllProblems;
    private readonly BoundStatement deleteOfFile;
    private readonly BoundStatement deleteTagsOfFile;
    private readonly BoundStatement deleteProblemsOfFile;
    private readonly BoundStatement insertAnnotation;
    private readonly BoundStatement deleteTagsOfRun;
    private readonly BoundStatement insertTag;
    private readonly BoundStatement insertProblem;
    private readonly BoundStatement ghostIds;
    private readonly BoundStatement orphanGhosts;
    private readonly BoundStatement missingGhosts;
    private readonly BoundStatement[] deleteGhost;
    private readonly BoundStatement insertGhost;
    private readonly BoundStatement adoptChildren;
    private readonly BoundStatement insertParam;
    private readonly BoundStatement insertSummary;

    public AnnotationRowWriter(SqliteConnection connection, string workspaceRoot)
    {
        this.workspaceRoot = workspaceRoot;
        BoundStatement Prepare(string sql)
        {
            var statement = new BoundStatement(connection, sql);
            statements.Add(statement);
            return statement;
        }

        const string Signature = """
            SELECT a.run_id || char(30) || a.starred || char(30) || ifnull(a.note, '') || char(30) || ifnull(a.snapshot, '') || char(30)
                || ifnull((SELECT group_concat(t.tag, char(31)) FROM annotation_tags t WHERE t.run_id = a.run_id), '')
            FROM annotations a
            """;
        signatures = Prepare(Signature);
        signaturesOfFile = Prepare(Signature + " WHERE a.file = ?1");
        const string ProblemSignature = "SELECT path || char(30) || line || char(30) || message FROM problems WHERE unit = -1";
        problemSignatures = Prepare(ProblemSignature);
        problemSignaturesOfFile = Prepare(ProblemSignature + " AND path = ?1");
        deleteAll = Prepare("DELETE FROM annotations");
        deleteAllTags = Prepare("DELETE FROM annotation_tags");
        deleteAllProblems = Prepare("DELETE FROM problems WHERE unit = -1");
        deleteTagsOfFile = Prepare("DELETE FROM annotation_tags WHERE run_id IN (SELECT run_id FROM annotations WHERE file = ?1)");
        deleteOfFile = Prepare("DELETE FROM annotations WHERE file = ?1");
        deleteProblemsOfFile = Prepare("DELETE FROM problems WHERE unit = -1 AND path = ?1");
        insertAnnotation = Prepare("INSERT OR REPLACE INTO annotations(run_id, starred, note, file, snapshot) VALUES(?1, ?2, ?3, ?4, ?5)");
        deleteTagsOfRun = Prepare("DELETE FROM annotation_tags WHERE run_id = ?1");
        insertTag = Prepare("INSERT OR IGNORE INTO annotation_tags(run_id, tag) VALUES(?1, ?2)");
        insertProblem = Prepare("INSERT INTO problems(unit, path, line, message, severity) VALUES(-1, ?1, ?2, ?3, ?4)");
        ghostIds = Prepare("SELECT r.id FROM annotations a JOIN runs r ON r.id = a.run_id WHERE r.unit = -1");
        orphanGhosts = Prepare("""
            SELECT r.id FROM runs r WHERE r.unit = -1
              AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.run_id = r.id AND a.snapshot IS NOT NULL)
            """);
        missingGhosts = Prepare("""
            SELECT a.run_id || char(30) || a.snapshot FROM annotations a
            WHERE a.snapshot IS NOT NULL AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.id = a.run_id)
            """);
        deleteGhost =
        [
            // A ghost stands in for its run as a parent too: its children go back to the top level when it goes.
            Prepare("UPDATE runs SET top = 1 WHERE top = 0 AND parent_id = ?1 AND EXISTS (SELECT 1 FROM runs WHERE id = ?1 AND unit = -1)"),
            Prepare($"DELETE FROM params WHERE run IN ({GhostRunsOf})"),
            Prepare($"DELETE FROM metric_summaries WHERE run IN ({GhostRunsOf})"),
            Prepare("DELETE FROM runs WHERE id = ?1 AND unit = -1"),
        ];
        insertGhost = Prepare("""
            INSERT INTO runs(id, unit, source, store_key, store_path, experiment, name, native_id, status, start_ms, end_ms,
                git_commit, directory, parent_id, top)
            VALUES(?1, -1, ?2, ?3, ?4, ?5, ?6, ?1, ?7, ?8, ?9, ?10, ?11, ?12,
                ?12 IS NULL OR NOT EXISTS (SELECT 1 FROM runs WHERE id = ?12))
            ON CONFLICT(id) DO NOTHING
            RETURNING run
            """);
        adoptChildren = Prepare("UPDATE runs SET top = 0 WHERE parent_id = ?1 AND top = 1 AND id <> ?1");
        insertParam = Prepare("INSERT INTO params(run, key, text, num) VALUES(?1, ?2, ?3, ?4)");
        insertSummary = Prepare("""
            INSERT INTO metric_summaries(run, key, first, last, min, max, count, last_step, last_ts)
            VALUES(?1, ?2, ?3, ?3, ?3, ?3, 0, 0, 0)
            """);
    }

    /// <summary>Replaces the whole mirror; returns the runs whose annotation was added, changed or removed, or whose
    /// file's problem did (named after the file).</summary>
    public IReadOnlyCollection<string> ReplaceAll(IReadOnlyList<AnnotationRow> rows, IReadOnlyList<Problem> problems)
    {
        var before = new HashSet<string>(StringComparer.Ordinal);
        signatures.ReadStrings(before);
        var problemsBefore = new HashSet<string>(StringComparer.Ordinal);
        problemSignatures.ReadStrings(problemsBefore);
        deleteAllTags.Execute();
        deleteAll.Execute();
        deleteAllProblems.Execute();
        var changed = new HashSet<string>(Insert(rows, problems, before, signatures), StringComparer.Ordinal);
        var problemsAfter = new HashSet<string>(StringComparer.Ordinal);
        problemSignatures.ReadStrings(problemsAfter);
        changed.UnionWith(ChangedFiles(problemsBefore, problemsAfter));
        return changed;
    }

    /// <summary>Replaces what the mirror holds of these files (read again, or gone when no row names them).</summary>
    public IReadOnlyCollection<string> ReplaceFiles(IReadOnlyCollection<string> files, IReadOnlyList<AnnotationRow> rows, IReadOnlyList<Problem> problems)
    {
        var before = new HashSet<string>(StringComparer.Ordinal);
        var problemsBefore = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            signaturesOfFile.Bind(1, file).ReadStrings(before);
            problemSignaturesOfFile.Bind(1, file).ReadStrings(problemsBefore);
            deleteTagsOfFile.Bind(1, file).Execute();
            deleteOfFile.Bind(1, file).Execute();
            deleteProblemsOfFile.Bind(1, file).Execute();
        }

        Insert(rows, problems, before, null);
        var after = new HashSet<string>(StringComparer.Ordinal);
        var problemsAfter = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            signaturesOfFile.Bind(1, file).ReadStrings(after);
            problemSignaturesOfFile.Bind(1, file).ReadStrings(problemsAfter);
        }

        var changed = Changed(before, after);
        changed.UnionWith(ChangedFiles(problemsBefore, problemsAfter));
        return changed;
    }

    /// <summary>Ids of the ghost runs of annotated runs; a unit write removes those it is about to insert for real.</summary>
    public HashSet<string> GhostIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        ghostIds.ReadStrings(ids);
        return ids;
    }

    public void DeleteGhost(string runId)
    {
        foreach (var delete in deleteGhost)
        {
            delete.Bind(1, runId).Execute();
        }
    }

    /// <summary>Removes ghosts whose annotation is gone and adds one for every annotated run the index lacks;
    /// returns the ids of both.</summary>
    public IReadOnlyCollection<string> RestoreGhosts()
    {
        var orphans = new List<string>();
        orphanGhosts.ReadStrings(orphans);
        orphans.ForEach(DeleteGhost);

        var missing = new List<string>();
        missingGhosts.ReadStrings(missing);
        var touched = new HashSet<string>(orphans, StringComparer.Ordinal);
        foreach (var line in missing)
        {
            var at = line.IndexOf(Separator);
            if (AnnotationFileFormat.ParseSnapshot(line[(at + 1)..]) is { } snapshot)
            {
                InsertGhost(line[..at], snapshot);
                touched.Add(line[..at]);
            }
        }

        return touched;
    }

    public void Dispose()
    {
        foreach (var statement in statements)
        {
            statement.Dispose();
        }
    }

    private IReadOnlyCollection<string> Insert(
        IReadOnlyList<AnnotationRow> rows, IReadOnlyList<Problem> problems, HashSet<string> before, BoundStatement? allSignatures)
    {
        foreach (var row in rows)
        {
            deleteTagsOfRun.Bind(1, row.RunId).Execute();
            insertAnnotation
                .Bind(1, row.RunId)
                .Bind(2, row.Starred ? 1L : 0L)
                .Bind(3, row.Note)
                .Bind(4, row.File)
                .Bind(5, row.Snapshot is { } s ? AnnotationFileFormat.SerializeSnapshot(s) : null)
                .Execute();
            foreach (var tag in row.Tags)
            {
                insertTag.Bind(1, row.RunId).Bind(2, tag).Execute();
            }
        }

        foreach (var problem in problems)
        {
            insertProblem.Bind(1, problem.Path).Bind(2, problem.Line).Bind(3, problem.Message)
                .Bind(4, problem.Severity.ToString().ToLowerInvariant()).Execute();
        }

        if (allSignatures is null)
        {
            return [];
        }

        var after = new HashSet<string>(StringComparer.Ordinal);
        allSignatures.ReadStrings(after);
        return Changed(before, after);
    }

    /// <summary>Runs whose signature differs: the annotation was added, removed or changed. A changed one loses its
    /// ghost here so <see cref="RestoreGhosts"/> rebuilds it from the new snapshot.</summary>
    private HashSet<string> Changed(HashSet<string> before, HashSet<string> after)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var signature in before.Except(after).Concat(after.Except(before)))
        {
            changed.Add(signature[..signature.IndexOf(Separator)]);
        }

        foreach (var id in changed)
        {
            DeleteGhost(id);
        }

        return changed;
    }

    /// <summary>The run ids (file names) of annotation files whose problems differ.</summary>
    private static IEnumerable<string> ChangedFiles(HashSet<string> before, HashSet<string> after) =>
        before.Except(after).Concat(after.Except(before))
            .Select(signature => Path.GetFileNameWithoutExtension(signature[..signature.IndexOf(Separator)]));

    private void InsertGhost(string runId, RunSnapshot snapshot)
    {
        if (insertGhost
            .Bind(1, runId)
            .Bind(2, snapshot.Source)
            .Bind(3, snapshot.Source + ":" + snapshot.Store)
            .Bind(4, Absolute(snapshot.Store))
            .Bind(5, snapshot.Experiment)
            .Bind(6, snapshot.Name)
            .Bind(7, snapshot.Status)
            .Bind(8, snapshot.StartTime?.ToUnixTimeMilliseconds())
            .Bind(9, snapshot.EndTime?.ToUnixTimeMilliseconds())
            .Bind(10, snapshot.GitCommit)
            .Bind(11, Absolute(snapshot.Path))
            .Bind(12, snapshot.ParentId)
            .ScalarInt64() is not long runKey)
        {
            return;
        }

        adoptChildren.Bind(1, runId).Execute();
        foreach (var (key, text) in snapshot.Params)
        {
            insertParam.Bind(1, runKey).Bind(2, key).Bind(3, text).Bind(4, ParamNumber.Parse(text)).Execute();
        }

        foreach (var (key, last) in snapshot.Metrics)
        {
            insertSummary.Bind(1, runKey).Bind(2, key).Bind(3, last).Execute();
        }
    }

    private string Absolute(string relative) => Path.GetFullPath(Path.Combine(workspaceRoot, relative));
}
