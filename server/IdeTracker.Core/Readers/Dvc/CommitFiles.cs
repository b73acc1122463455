using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;
using LibGit2Sharp;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>The project's files as one commit holds them: blobs of the commit's tree at the project's path,
/// read whole under size caps. Links and submodules are not files here; a damaged object is a problem.</summary>
internal sealed class CommitFiles : IProjectFiles
{
    /// <summary>A .tsv blob is loaded into memory whole (git inflates it anyway), so it gets a lower cap than a file on disk.</summary>
    public const long MaxTsvBlobBytes = 64L * 1024 * 1024;
    private const int MaxFolderDepth = 32;

    private readonly string _projectFolder;
    private readonly Tree _root;
    private readonly string _projectInRepo;

    /// <param name="projectFolder">Absolute path of the project on disk (where problems point).</param>
    /// <param name="root">The commit's root tree.</param>
    /// <param name="projectInRepo">The project's path in the repository, "" at its top.</param>
    public CommitFiles(string projectFolder, Tree root, string projectInRepo)
    {
        _projectFolder = projectFolder;
        _root = root;
        _projectInRepo = projectInRepo;
    }

    public string FullPath(string relative) => Path.GetFullPath(Path.Join(_projectFolder, relative));

    public bool IsFile(string relative) => Blob(relative) is not null;

    public bool IsDirectory(string relative) => Folder(relative) is not null;

    public string? ReadText(string relative, long maxBytes, List<Problem> problems)
    {
        var bytes = ReadBytes(relative, maxBytes, problems);
        return bytes is null ? null : TextFile.Decode(FullPath(relative), bytes, problems);
    }

    public List<string> FilesUnder(string folder, int max, out bool truncated)
    {
        var files = new List<string>();
        truncated = false;
        if (Folder(folder) is not { } start)
        {
            return files;
        }

        var pending = new Stack<(Tree Tree, string Path, int Depth)>();
        pending.Push((start, folder, 0));
        try
        {
            while (pending.Count > 0)
            {
                var (tree, path, depth) = pending.Pop();
                foreach (var entry in tree)
                {
                    var child = ProjectPath.Child(path, entry.Name);
                    if (entry.TargetType == TreeEntryTargetType.Tree && depth < MaxFolderDepth)
                    {
                        pending.Push(((Tree)entry.Target, child, depth + 1));
                    }
                    else if (entry.TargetType == TreeEntryTargetType.Blob && entry.Mode != Mode.SymbolicLink)
                    {
                        if (files.Count == max)
                        {
                            truncated = true;
                            pending.Clear();
                            break;
                        }

                        files.Add(child);
                    }
                }
            }
        }
        catch (LibGit2SharpException)
        {
            // A damaged tree lists what could be listed.
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public List<MetricPoint>? ReadTsv(string relative, List<Problem> problems, CancellationToken ct)
    {
        if (ReadBytes(relative, MaxTsvBlobBytes, problems) is not { } bytes)
        {
            return null;
        }

        // A committed file is complete: a last line without its newline is not being written, so it counts.
        if (bytes.Length > 0 && bytes[^1] != (byte)'\n')
        {
            Array.Resize(ref bytes, bytes.Length + 1);
            bytes[^1] = (byte)'\n';
        }

        var path = FullPath(relative);
        var state = new TsvState();
        MetricsTsv.Continue(new MemoryStream(bytes, writable: false), state, path, ct);
        problems.AddRange(MetricsTsv.ProblemsOf(state, path));
        return state.Points;
    }

    private byte[]? ReadBytes(string relative, long maxBytes, List<Problem> problems)
    {
        var path = FullPath(relative);
        try
        {
            if (Blob(relative) is not { } blob)
            {
                return null;
            }

            if (blob.Size > maxBytes)
            {
                problems.Add(new Problem(path, 0, $"is {ByteSizeText.Of(blob.Size)}, larger than the {ByteSizeText.OfLimit(maxBytes)} this file may have; not read"));
                return null;
            }

            var bytes = new byte[blob.Size];
            using var stream = blob.GetContentStream();
            var length = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            return length == bytes.Length ? bytes : bytes[..length];
        }
        catch (LibGit2SharpException e)
        {
            problems.Add(new Problem(path, 0, "cannot be read from git: " + e.Message));
            return null;
        }
    }

    private TreeEntry? Entry(string relative)
    {
        var inRepo = relative.Length == 0 ? _projectInRepo : ProjectPath.Join(_projectInRepo, relative);
        if (inRepo is null || inRepo.Length == 0 || inRepo == ".." || inRepo.StartsWith("../", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return _root[inRepo];
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    private Blob? Blob(string relative) =>
        Entry(relative) is { TargetType: TreeEntryTargetType.Blob } entry && entry.Mode != Mode.SymbolicLink ? SafeTarget(entry) as Blob : null;

    private Tree? Folder(string relative) =>
        relative.Length == 0 && _projectInRepo.Length == 0 ? _root
        : Entry(relative) is { TargetType: TreeEntryTargetType.Tree } entry ? SafeTarget(entry) as Tree : null;

    private static GitObject? SafeTarget(TreeEntry entry)
    {
        try
        {
            return entry.Target;
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }
}
