using System.Diagnostics;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>DVC's .dvc/tmp/rwlock: while `dvc repro` or `dvc exp run` runs a stage it lists the stage's outputs
/// under "write" with the pid and command of the DVC process, and empties the list when the stage ends. A write
/// lock on a path inside the project, held by a process that is still alive, means the workspace run is running.</summary>
internal sealed class StageLock
{
    public const long MaxBytes = 1L * 1024 * 1024;

    private StageLock(string path) => Path = path;

    /// <summary>Absolute path of the rwlock file (it may not exist).</summary>
    public string Path { get; }

    /// <summary>The folder holding .dvc: the nearest one at or above the project, no higher than the git work tree.</summary>
    public static StageLock? Find(string projectFolder, GitLocation? git)
    {
        var stop = git?.WorkTree;
        for (var dir = new DirectoryInfo(projectFolder); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(System.IO.Path.Join(dir.FullName, ".dvc")))
            {
                return new StageLock(System.IO.Path.Join(dir.FullName, ".dvc", "tmp", "rwlock"));
            }

            if (stop is not null && string.Equals(dir.FullName, stop, StringComparison.Ordinal))
            {
                break;
            }
        }

        return null;
    }

    /// <summary>The command of the live DVC process writing into the project, or null when none is.</summary>
    public string? RunningCommand(string projectFolder, List<Problem> problems)
    {
        var info = new FileInfo(Path);
        if (!info.Exists || info.Length == 0)
        {
            return null;
        }

        if (info.Length > MaxBytes)
        {
            problems.Add(new Problem(Path, 0, $"is larger than {MaxBytes / 1024 / 1024} MB; whether a stage runs is not known", ProblemSeverity.Warning));
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var root = JsonTree.Parse(Path, text, problems);
        if (root?["write"] is not { IsMapping: true } writes)
        {
            return null;
        }

        var dvcRoot = System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(Path)))!;
        var project = System.IO.Path.GetFullPath(projectFolder).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        foreach (var (output, holder) in writes.Entries)
        {
            if (output.Contains('\0', StringComparison.Ordinal))
            {
                continue;
            }

            var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(dvcRoot, output));
            var inside = full == project || full.StartsWith(project + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);
            if (inside && int.TryParse(holder.TextOf("pid"), out var pid) && IsAlive(pid))
            {
                return holder.TextOf("cmd") ?? "dvc";
            }
        }

        return null;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            // Found by id is alive enough: HasExited cannot be asked of a process that is not our child.
            using var process = Process.GetProcessById(pid);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false;
        }
    }
}
