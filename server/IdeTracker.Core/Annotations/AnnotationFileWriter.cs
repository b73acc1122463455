using IdeTracker.Core.IO;

namespace IdeTracker.Core.Annotations;

/// <summary>Writes annotation files atomically: the whole text goes to a temp file in the same folder, flushed to
/// disk, then renamed over the old file, so a reader (git, an editor, a crash) sees the old file or the new one and
/// never half of either. A file that is there but does not parse is never replaced: it is the user's, and only they
/// know what it meant.</summary>
public static class AnnotationFileWriter
{
    /// <summary>The temp files this writer makes start with a dot and end in ".tmp": no watcher glob or folder read
    /// takes them for annotations.</summary>
    public const string TempSuffix = AtomicFile.TempSuffix;

    /// <summary>Writes <paramref name="annotation"/> to <paramref name="path"/> unless the file there does not parse.</summary>
    /// <exception cref="AnnotationFileException">The existing file does not parse; it is left as it was.</exception>
    public static void Write(string path, RunAnnotation annotation)
    {
        if (File.Exists(path) && AnnotationFileFormat.Read(path).Problem is { } problem)
        {
            throw Unparsable(problem);
        }

        try
        {
            AtomicFile.WriteText(path, AnnotationFileFormat.Serialize(annotation));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnnotationFileException($"{path}: cannot be written: {e.Message}");
        }
    }

    public static AnnotationFileException Unparsable(Model.Problem problem) => new(
        $"{problem.Format()} (the annotation file is left untouched: fix or delete it to change this run's annotation)",
        problem);
}
