using IdeTracker.Core.Model;

namespace IdeTracker.Core.Annotations;

/// <summary>An annotation cannot be changed: its file does not parse (and is left untouched), the run is unknown,
/// or the run id cannot name a file. The message says which file and line where there is one.</summary>
public sealed class AnnotationFileException : Exception
{
    public AnnotationFileException(string message, Problem? problem = null)
        : base(message)
    {
        Problem = problem;
    }

    public Problem? Problem { get; }
}
