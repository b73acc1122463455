namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>How far one event file has been read: the offset after its last whole record, what the file
/// looked like then (to tell that it only grew since), and its problems so far.</summary>
internal sealed class EventFileState
{
    /// <summary>Bytes compared at the start of the file and just before <see cref="Offset"/> to tell a file that
    /// grew from one that was replaced.</summary>
    public const int CheckBytes = 16;

    public EventFileState(string path)
    {
        Path = path;
        Problems = new EventFileProblems(path);
    }

    public string Path { get; }

    /// <summary>File offset after the last whole record read: where a resumed read starts.</summary>
    public long Offset { get; set; }

    /// <summary>The size and write time the file had when it was read (its stamp).</summary>
    public long Size { get; set; }

    public long MtimeTicks { get; set; }

    /// <summary>The length check of a record failed: the framing is lost and nothing after it can be read.</summary>
    public bool FramingLost { get; set; }

    /// <summary>The file could not be read (gone, locked): its problem says so, and the next read starts over.</summary>
    public bool ReadFailed { get; set; }

    /// <summary>The first bytes of the file and the bytes that end at <see cref="Offset"/>, as read.</summary>
    public byte[] Head { get; set; } = [];

    public byte[] Tail { get; set; } = [];

    public EventFileProblems Problems { get; }
}
