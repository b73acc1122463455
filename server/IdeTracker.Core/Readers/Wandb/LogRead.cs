namespace IdeTracker.Core.Readers.Wandb;

/// <summary>The outcome of reading a run's log: what it held, how reading ended (null when the file could not
/// be read), and when the file was last written as the stamp saw it.</summary>
internal sealed record LogRead(string Path, WandbLogState State, LogEnd? End, DateTimeOffset Written);
