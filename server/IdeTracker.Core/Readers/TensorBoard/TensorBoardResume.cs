namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>Where a TensorBoard run's read stopped: the event folder's state (its files' offsets, the tags
/// with their plugins, the points so far). A resumed read appends to that state, so each resume is good
/// for one read: a second use (after a cancelled read, or by two threads) reads whole.</summary>
internal sealed class TensorBoardResume : ReadResume
{
    private readonly EventFolderState _events;
    private int _taken;

    public TensorBoardResume(EventFolderState events) => _events = events;

    /// <summary>The state, the first time only; null after.</summary>
    public EventFolderState? Take() => Interlocked.Exchange(ref _taken, 1) == 0 ? _events : null;
}
