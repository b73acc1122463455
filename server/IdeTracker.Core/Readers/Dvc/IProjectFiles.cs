using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>One version of a DVC project's files: the workspace on disk, or the tree of a commit. Paths are
/// relative to the project folder with forward slashes (they may climb out of it with "..").</summary>
internal interface IProjectFiles
{
    /// <summary>The absolute path on disk a problem about this file points at (in a commit: where the file
    /// would be if that commit were checked out).</summary>
    string FullPath(string relative);

    bool IsFile(string relative);

    bool IsDirectory(string relative);

    /// <summary>The UTF-8 text of a small file; null without a problem when it is not there, null with a
    /// problem when it is larger than <paramref name="maxBytes"/> or cannot be read.</summary>
    string? ReadText(string relative, long maxBytes, List<Problem> problems);

    /// <summary>Files below a folder (relative paths), in ordinal order, at most <paramref name="max"/>;
    /// <paramref name="truncated"/> tells there were more.</summary>
    List<string> FilesUnder(string folder, int max, out bool truncated);

    /// <summary>The points of a DVCLive .tsv file, with its problems, or null when it cannot be read at all.</summary>
    List<MetricPoint>? ReadTsv(string relative, List<Problem> problems, CancellationToken ct);
}
