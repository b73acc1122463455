namespace IdeTracker.Core.Readers.Wandb;

/// <summary>What the log's run, telemetry and exit records said about the run; null or empty where they said nothing.</summary>
internal sealed class RunFacts
{
    public string? RunId { get; set; }

    public string? Entity { get; set; }

    public string? Project { get; set; }

    public string? DisplayName { get; set; }

    public string? Notes { get; set; }

    public List<string> Tags { get; set; } = [];

    public string? Group { get; set; }

    public string? JobType { get; set; }

    public string? SweepId { get; set; }

    public string? Host { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public string? GitRemote { get; set; }

    public string? GitCommit { get; set; }

    public string? PythonVersion { get; set; }

    public string? CliVersion { get; set; }

    public string? HuggingfaceVersion { get; set; }

    /// <summary>Set by the exit record, which W&amp;B writes when the process ends.</summary>
    public int? ExitCode { get; set; }

    /// <summary>Whole seconds, from the exit record.</summary>
    public int ExitRuntimeSeconds { get; set; }
}
