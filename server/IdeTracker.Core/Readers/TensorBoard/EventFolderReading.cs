namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>Reads the event files of one folder as one series, whole or carrying on from a previous read.</summary>
internal static class EventFolderReading
{
    /// <summary>Reads <paramref name="files"/> (stamps, in reading order). With <paramref name="previous"/> — the
    /// state of the last read, handed over for this read alone — only what was added since is read, as long as
    /// that gives what reading everything would: every file read before is still there in the same place,
    /// none failed to read, only the last of them grew (keeping the bytes it had), and new files sort after
    /// it. Otherwise everything is read again.</summary>
    public static EventFolderState Read(IReadOnlyList<FileStamp> files, EventFolderState? previous, CancellationToken cancellationToken)
    {
        var state = previous is not null && CanContinue(previous, files) ? previous : new EventFolderState();
        for (var i = 0; i < files.Count; i++)
        {
            var stamp = files[i];
            if (i == state.Files.Count)
            {
                state.Files.Add(new EventFileState(stamp.Path));
            }

            var file = state.Files[i];
            if (!file.FramingLost && stamp.Size > file.Offset)
            {
                EventFileReader.Read(file, stamp.Size, state.Run, cancellationToken);
            }

            file.Size = stamp.Size;
            file.MtimeTicks = stamp.MtimeTicks;
        }

        return state;
    }

    private static bool CanContinue(EventFolderState previous, IReadOnlyList<FileStamp> files)
    {
        if (previous.Files.Count > files.Count)
        {
            return false;
        }

        for (var i = 0; i < previous.Files.Count; i++)
        {
            var file = previous.Files[i];
            var stamp = files[i];
            if (file.ReadFailed || !string.Equals(file.Path, stamp.Path, StringComparison.Ordinal))
            {
                return false;
            }

            var unchanged = stamp.Size == file.Size && stamp.MtimeTicks == file.MtimeTicks;
            if (unchanged)
            {
                continue;
            }

            // Records from an earlier file appended after a later file's would change the order of points.
            var isLast = i == previous.Files.Count - 1;
            if (!isLast || stamp.Size < file.Size || !EventFileReader.EdgesUnchanged(file))
            {
                return false;
            }
        }

        return true;
    }
}
