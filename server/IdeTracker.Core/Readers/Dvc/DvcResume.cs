using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>Where a read of a DVC project stopped: how far each DVCLive .tsv of the workspace was read, and
/// the branch and experiment runs with the git stamps they were read under, and the commits they came from.
/// While DVCLive appends a row per step, the next read parses only the new rows and takes the git runs as they
/// were; when a ref moved, only the commits it has not seen are read.</summary>
internal sealed class DvcResume : ReadResume
{
    public required IReadOnlyDictionary<string, TsvState> TsvStates { get; init; }

    /// <summary>Null when the git runs were not read (no repository, or it could not be opened).</summary>
    public IReadOnlyList<FileStamp>? GitStamps { get; init; }

    public IReadOnlyList<Run> GitRuns { get; init; } = [];

    public IReadOnlyList<Problem> GitProblems { get; init; } = [];

    /// <summary>The commits read for those runs, by sha: when a ref moves, only commits not read before are read.</summary>
    public IReadOnlyDictionary<string, CommitRead> Commits { get; init; } = new Dictionary<string, CommitRead>();
}
