namespace IdeTracker.Core.Tests.Speech.Models;

/// <summary>Keeps every report, in order, on the reporting thread (<see cref="Progress{T}"/> would post them
/// later, so a test could not say what had been reported when a call returned).</summary>
public sealed class RecordingProgress<T>(Action<T>? onReport = null) : IProgress<T>
{
    private readonly List<T> reports = [];

    public IReadOnlyList<T> Reports
    {
        get
        {
            lock (reports)
            {
                return [.. reports];
            }
        }
    }

    public void Report(T value)
    {
        lock (reports)
        {
            reports.Add(value);
        }

        onReport?.Invoke(value);
    }
}
