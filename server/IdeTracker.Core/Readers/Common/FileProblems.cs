using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Common;

/// <summary>Turns the exceptions a file system throws while a store changes under us into located problems.</summary>
internal static class FileProblems
{
    /// <summary>True for the exceptions a vanished, locked or unreadable file or folder throws.</summary>
    public static bool IsFileSystemFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException;

    public static Problem From(string path, Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException =>
            new Problem(path, 0, "disappeared while being read"),
        UnauthorizedAccessException => new Problem(path, 0, "cannot be read: permission denied"),
        _ => new Problem(path, 0, "cannot be read: " + e.Message),
    };
}
