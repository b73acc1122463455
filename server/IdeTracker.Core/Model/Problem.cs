namespace IdeTracker.Core.Model;

public enum ProblemSeverity
{
    Error,
    Warning,
    Information,
}

/// <summary>Something wrong with a file, located as precisely as the reader can.
/// <see cref="Path"/> is absolute; <see cref="Line"/> is 1-based, 0 when not known.</summary>
public sealed record Problem(string Path, int Line, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    /// <summary>"path:line: message" with the path made relative to <paramref name="root"/> when inside it.</summary>
    public string Format(string? root = null)
    {
        var shown = root is null ? Path : PathText.RelativeOrSelf(root, Path);
        return Line > 0 ? $"{shown}:{Line}: {Message}" : $"{shown}: {Message}";
    }
}
