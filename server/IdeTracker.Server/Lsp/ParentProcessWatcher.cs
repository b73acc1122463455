using System.Diagnostics;

namespace IdeTracker.Server.Lsp;

/// <summary>vscode-languageclient does not pass the client's pid on the command line, so the server reads
/// <c>processId</c> from <c>initialize</c> and leaves when that process is gone.</summary>
public sealed class ParentProcessWatcher : IDisposable
{
    private readonly Timer _timer;
    private readonly int _processId;
    private readonly Action _onExit;
    private int _fired;

    public ParentProcessWatcher(int processId, Action onExit, TimeSpan interval)
    {
        _processId = processId;
        _onExit = onExit;
        _timer = new Timer(_ => Check(), null, interval, interval);
    }

    public static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private void Check()
    {
        if (!IsAlive(_processId) && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            _onExit();
        }
    }

    public void Dispose() => _timer.Dispose();
}
