using IdeTracker.Core.Readers.TensorBoard;

namespace IdeTracker.Core.Readers.Guild;

/// <summary>Where a Guild run's read stopped: the state of each folder of event files, by its path relative to
/// the run. Attrs are small and read again every time. Good for one read, like <see cref="TensorBoardResume"/>.</summary>
internal sealed class GuildResume : ReadResume
{
    private readonly Dictionary<string, EventFolderState> _events;
    private int _taken;

    public GuildResume(Dictionary<string, EventFolderState> events) => _events = events;

    public Dictionary<string, EventFolderState>? Take() => Interlocked.Exchange(ref _taken, 1) == 0 ? _events : null;
}
