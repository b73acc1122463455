using IdeTracker.Core.Model;

namespace IdeTracker.Core.Annotations;

/// <summary>An annotation file read: the annotation, or the located problem that kept it from being read.</summary>
public sealed record AnnotationReadResult(RunAnnotation? Annotation, Problem? Problem);
