using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Lightning;

/// <summary>Where <see cref="LightningCsvReader"/> stopped in a version folder: metrics.csv's state, and hparams.yaml
/// as read with the stamp it had, so the next read re-reads it only when the stamp changed.</summary>
internal sealed class LightningResume : ReadResume
{
    public required HparamsRead? Hparams { get; init; }

    public required MetricsCsvState? Metrics { get; init; }
}

/// <summary>hparams.yaml's params and problems as one read gave them.</summary>
internal sealed record HparamsRead(FileStamp Stamp, KeyValuePair<string, string>[] Params, Problem[] Problems);
