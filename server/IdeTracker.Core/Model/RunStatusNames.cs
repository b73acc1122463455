namespace IdeTracker.Core.Model;

public static class RunStatusNames
{
    public static string ToWire(this RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Scheduled => "scheduled",
        RunStatus.Finished => "finished",
        RunStatus.Failed => "failed",
        RunStatus.Killed => "killed",
        _ => "unknown",
    };

    public static RunStatus FromWire(string? text) => text switch
    {
        "running" => RunStatus.Running,
        "scheduled" => RunStatus.Scheduled,
        "finished" => RunStatus.Finished,
        "failed" => RunStatus.Failed,
        "killed" => RunStatus.Killed,
        _ => RunStatus.Unknown,
    };
}
