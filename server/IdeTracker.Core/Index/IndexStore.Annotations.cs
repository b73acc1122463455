using IdeTracker.Core.Annotations;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Index;

/// <summary>The mirror of the user's annotation files, and the ghost runs it keeps for annotated runs whose files are gone.</summary>
public sealed partial class IndexStore
{
    /// <summary>Replaces every annotation and annotation-file problem; returns the runs whose annotation changed.</summary>
    public IReadOnlyCollection<string> ReplaceAnnotations(IReadOnlyList<AnnotationRow> rows, IReadOnlyList<Problem> problems) =>
        Write(w =>
        {
            using var transaction = writer.BeginTransaction();
            var changed = new HashSet<string>(w.Annotations.ReplaceAll(rows, problems), StringComparer.Ordinal);
            changed.UnionWith(w.Annotations.RestoreGhosts());
            transaction.Commit();
            return (IReadOnlyCollection<string>)changed;
        });

    /// <summary>Replaces what the index holds of these annotation files: <paramref name="rows"/> and
    /// <paramref name="problems"/> are what they hold now (nothing for a file that was deleted).</summary>
    public IReadOnlyCollection<string> ReplaceAnnotationFiles(
        IReadOnlyCollection<string> files, IReadOnlyList<AnnotationRow> rows, IReadOnlyList<Problem> problems) =>
        Write(w =>
        {
            using var transaction = writer.BeginTransaction();
            var changed = new HashSet<string>(w.Annotations.ReplaceFiles(files, rows, problems), StringComparer.Ordinal);
            changed.UnionWith(w.Annotations.RestoreGhosts());
            transaction.Commit();
            return (IReadOnlyCollection<string>)changed;
        });

    /// <summary>The annotation of a run, null when it has none (or its file does not parse).</summary>
    public AnnotationRow? GetAnnotation(string runId)
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT starred, note, file, snapshot FROM annotations WHERE run_id = $id";
        command.Parameters.AddWithValue("$id", runId);
        bool starred;
        string? note, snapshot;
        string file;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            (starred, note, file, snapshot) = (reader.GetInt64(0) != 0, ReadText(reader, 1), reader.GetString(2), ReadText(reader, 3));
        }

        command.CommandText = "SELECT tag FROM annotation_tags WHERE run_id = $id ORDER BY tag";
        var tags = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                tags.Add(reader.GetString(0));
            }
        }

        return new AnnotationRow(runId, starred, tags, note, file, snapshot is null ? null : AnnotationFileFormat.ParseSnapshot(snapshot));
    }

    /// <summary>Ids of the runs that have an annotation file which parses.</summary>
    public IReadOnlySet<string> GetAnnotatedRunIds()
    {
        using var connection = OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT run_id FROM annotations";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        ReadStrings(command, ids);
        return ids;
    }
}
