namespace IdeTracker.Core.Readers.Wandb;

internal enum LogEndKind
{
    /// <summary>Every byte was read and the last record is complete.</summary>
    Clean,

    /// <summary>The file ends inside a record (its header, its data, or a record split across blocks): the writer
    /// is still writing it, or died while it did.</summary>
    Incomplete,

    /// <summary>Zeros where the next record header should be: the rest of the file is padding.</summary>
    ZeroPadding,

    /// <summary>A complete record that fails its checksum, or bytes that cannot be a record header.</summary>
    Damaged,
}

/// <summary>How a pass over the log ended. <see cref="Offset"/> is where the problem or the unread part starts.</summary>
/// <param name="AtTail">For <see cref="LogEndKind.Damaged"/>: the damaged record is the last thing in the file
/// (a torn write), not something in the middle.</param>
internal readonly record struct LogEnd(LogEndKind Kind, long Offset, string? Reason = null, bool AtTail = false);
