using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>The project's files as they are on disk. DVCLive .tsv files are read on from where the previous
/// read of the unit stopped when they only grew since (<see cref="TsvState"/>); <see cref="TsvStates"/> holds
/// where this read stopped.</summary>
internal sealed class WorkspaceFiles : IProjectFiles
{
    private const int TailBytes = 64;

    private readonly string _project;
    private readonly IReadOnlyDictionary<string, TsvState> _previous;

    public WorkspaceFiles(string project, IReadOnlyDictionary<string, TsvState>? previous)
    {
        _project = project;
        _previous = previous ?? new Dictionary<string, TsvState>();
    }

    /// <summary>Absolute path → where the read of that .tsv stopped.</summary>
    public Dictionary<string, TsvState> TsvStates { get; } = new(StringComparer.Ordinal);

    public string FullPath(string relative) => Path.GetFullPath(Path.Join(_project, relative));

    public bool IsFile(string relative) => File.Exists(FullPath(relative));

    public bool IsDirectory(string relative) => Directory.Exists(FullPath(relative));

    public string? ReadText(string relative, long maxBytes, List<Problem> problems)
    {
        var path = FullPath(relative);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            if (stream.Length > maxBytes)
            {
                problems.Add(new Problem(path, 0, $"is {ByteSizeText.Of(stream.Length)}, larger than the {ByteSizeText.OfLimit(maxBytes)} this file may have; not read"));
                return null;
            }

            var bytes = new byte[stream.Length];
            var length = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            return TextFile.Decode(path, bytes.AsSpan(0, length), problems);
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            problems.Add(FileProblems.From(path, e));
            return null;
        }
    }

    public List<string> FilesUnder(string folder, int max, out bool truncated)
    {
        var root = FullPath(folder);
        var files = new List<string>();
        truncated = false;
        try
        {
            if (!Directory.Exists(root))
            {
                return files;
            }

            // Links are not followed: a link back up the tree would make the walk endless.
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint, MaxRecursionDepth = 32 };
            foreach (var file in Directory.EnumerateFiles(root, "*", options))
            {
                if (files.Count == max)
                {
                    truncated = true;
                    break;
                }

                files.Add(ProjectPath.Child(folder, Path.GetRelativePath(root, file).Replace('\\', '/')));
            }
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            // A folder that vanished or cannot be listed gives what was listed before.
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public List<MetricPoint>? ReadTsv(string relative, List<Problem> problems, CancellationToken ct)
    {
        var path = FullPath(relative);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            var length = stream.Length;
            if (length > MetricsTsv.MaxBytes)
            {
                problems.Add(new Problem(path, 0, $"is {ByteSizeText.Of(length)}, larger than the {ByteSizeText.OfLimit(MetricsTsv.MaxBytes)} a metric file may have; not read"));
                return null;
            }

            var state = _previous.TryGetValue(path, out var previous) && StillHolds(stream, previous, length)
                ? previous.Copy()
                : new TsvState();
            stream.Position = state.Offset;
            MetricsTsv.Continue(stream, state, path, ct);
            state.Tail = BytesAt(stream, Math.Max(0, state.Offset - TailBytes), (int)Math.Min(TailBytes, state.Offset));
            TsvStates[path] = state;
            problems.AddRange(MetricsTsv.ProblemsOf(state, path));
            return [.. state.Points];
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            problems.Add(FileProblems.From(path, e));
            return null;
        }
    }

    /// <summary>True when the file still starts with the header read last time and still has, just before
    /// where that read stopped, the bytes it saw there: it only grew. A file DVCLive started again fails this.</summary>
    private static bool StillHolds(FileStream stream, TsvState previous, long length)
    {
        if (length < previous.Offset || previous.Offset == 0)
        {
            return false;
        }

        var head = BytesAt(stream, 0, previous.Head.Length);
        var tail = BytesAt(stream, previous.Offset - previous.Tail.Length, previous.Tail.Length);
        return head.AsSpan().SequenceEqual(previous.Head) && tail.AsSpan().SequenceEqual(previous.Tail);
    }

    private static byte[] BytesAt(FileStream stream, long offset, int count)
    {
        var bytes = new byte[count];
        var read = RandomAccess.Read(stream.SafeFileHandle, bytes, offset);
        return read == count ? bytes : bytes[..read];
    }
}
