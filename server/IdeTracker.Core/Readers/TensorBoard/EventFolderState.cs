namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>The event files of one folder, read in name order into one run state, and how far each was read.</summary>
internal sealed class EventFolderState
{
    public EventRunState Run { get; } = new();

    /// <summary>In the order they were read (name order).</summary>
    public List<EventFileState> Files { get; } = [];
}
