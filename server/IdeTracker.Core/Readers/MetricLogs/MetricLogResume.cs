namespace IdeTracker.Core.Readers.MetricLogs;

/// <summary>Where a read of a metric log stopped: the parser state after its last whole line, and a fingerprint
/// of the bytes up to there so that a rewritten file is read again from its start.</summary>
internal sealed class MetricLogResume : ReadResume
{
    public required MetricLogState State { get; init; }

    public required FileHead Head { get; init; }
}
