using IdeTracker.Core.Annotations;
using IdeTracker.Server.Features.Indexing;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Features.Annotations;

/// <summary><c>ideTracker/setAnnotation</c>: applies the change to the run's file under <c>.ide-tracker/runs/</c> and
/// the index's mirror of it, and answers with the annotation as stored.</summary>
public sealed class SetAnnotationHandler
{
    private readonly WorkspaceSession _session;

    public SetAnnotationHandler(WorkspaceSession session) => _session = session;

    /// <exception cref="AnnotationFileException">The run's file does not parse, or the run is unknown.</exception>
    public AnnotationDto Handle(SetAnnotationParams request, DateTimeOffset now)
    {
        var change = new AnnotationChange { Starred = request.Starred, Tags = request.Tags, Note = request.Note };
        var annotation = _session.Indexer.Annotations.Apply(request.RunId, change, now);
        _session.IndexChanged();
        return new AnnotationDto
        {
            RunId = annotation.RunId,
            Starred = annotation.Starred,
            Tags = annotation.Tags,
            Note = annotation.Note,
            File = _session.Indexer.Annotations.FileOf(annotation.RunId),
        };
    }
}
