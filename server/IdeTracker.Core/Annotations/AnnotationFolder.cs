using IdeTracker.Core.IO;

namespace IdeTracker.Core.Annotations;

/// <summary>Where annotations live: <c>&lt;workspace&gt;/.ide-tracker/runs/&lt;run id&gt;.json</c>, one file per run.</summary>
public static class AnnotationFolder
{
    public const string Extension = ".json";

    public static string Of(string workspaceRoot) => Path.Combine(workspaceRoot, ".ide-tracker", "runs");

    /// <summary>The file of a run; a run id that is not a plain file name (ours are hex) is refused.</summary>
    public static string FileFor(string workspaceRoot, string runId)
    {
        if (!PlainFileName.IsPlain(runId))
        {
            throw new AnnotationFileException($"'{runId}' is not a run id");
        }

        return Path.Combine(Of(workspaceRoot), runId + Extension);
    }

    /// <summary>The run id a file of the folder belongs to, or null for any other path (temp files included).</summary>
    public static string? RunIdOf(string workspaceRoot, string path)
    {
        var full = Path.GetFullPath(path);
        if (!string.Equals(Path.GetDirectoryName(full), Path.GetFullPath(Of(workspaceRoot)), StringComparison.Ordinal)
            || !full.EndsWith(Extension, StringComparison.Ordinal))
        {
            return null;
        }

        var id = Path.GetFileNameWithoutExtension(full);
        return PlainFileName.IsPlain(id) ? id : null;
    }

    /// <summary>True for the folder itself or <c>.ide-tracker</c> (created, deleted or replaced whole).</summary>
    public static bool IsFolderOrAbove(string workspaceRoot, string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var folder = Path.GetFullPath(Of(workspaceRoot));
        return full == folder || full == Path.GetDirectoryName(folder);
    }

    /// <summary>True for anything at or below <c>.ide-tracker</c>: no run unit lives there.</summary>
    public static bool IsInside(string workspaceRoot, string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var top = Path.GetDirectoryName(Path.GetFullPath(Of(workspaceRoot)))!;
        return full == top || full.StartsWith(top + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
