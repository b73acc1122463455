using IdeTracker.Core.Annotations;

namespace IdeTracker.Core.Index;

/// <summary>The index's mirror of one annotation file. <see cref="File"/> is the file's absolute path.</summary>
public sealed record AnnotationRow(
    string RunId,
    bool Starred,
    IReadOnlyList<string> Tags,
    string? Note,
    string File,
    RunSnapshot? Snapshot)
{
    public static AnnotationRow From(RunAnnotation annotation, string file) =>
        new(annotation.RunId, annotation.Starred, annotation.Tags, annotation.Note, file, annotation.Snapshot);
}
