namespace IdeTracker.Core.Readers.Hydra;

/// <summary>Where the loggers inside a Hydra job stopped: the resume of each inner unit whose reader can carry on.</summary>
internal sealed class HydraResume : ReadResume
{
    public required IReadOnlyDictionary<string, ReadResume> Inner { get; init; }
}
