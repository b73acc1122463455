namespace IdeTracker.Core.Annotations;

/// <summary>An edit of one run's annotation. Null fields are left as they are; <see cref="Tags"/> replaces the tags,
/// then <see cref="AddTags"/> and <see cref="RemoveTags"/> apply; an empty <see cref="Note"/> removes the note.</summary>
public sealed record AnnotationChange
{
    public bool? Starred { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public IReadOnlyList<string> AddTags { get; init; } = [];

    public IReadOnlyList<string> RemoveTags { get; init; } = [];

    public string? Note { get; init; }

    public RunAnnotation ApplyTo(RunAnnotation annotation)
    {
        var tags = new List<string>(Tags ?? annotation.Tags);
        tags.AddRange(AddTags);
        var removed = RunAnnotation.NormalizeTags(RemoveTags);
        return annotation with
        {
            Starred = Starred ?? annotation.Starred,
            Tags = RunAnnotation.NormalizeTags(tags).Where(t => !removed.Contains(t, StringComparer.Ordinal)).ToList(),
            Note = Note is null ? annotation.Note : Note.Trim().Length == 0 ? null : Note,
        };
    }
}
