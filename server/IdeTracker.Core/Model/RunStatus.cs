namespace IdeTracker.Core.Model;

/// <summary>Where a run stands. Travels on the wire and in JSON as the lower-case name.</summary>
public enum RunStatus
{
    Unknown,
    Running,
    Scheduled,
    Finished,
    Failed,
    Killed,
}
