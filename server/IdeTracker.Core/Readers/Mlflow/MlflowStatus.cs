using IdeTracker.Core.Model;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>MLflow's run status: an int in the file store's meta.yaml, its name in the database.</summary>
internal static class MlflowStatus
{
    public static bool TryFromNumber(int number, out RunStatus status)
    {
        status = number switch
        {
            1 => RunStatus.Running,
            2 => RunStatus.Scheduled,
            3 => RunStatus.Finished,
            4 => RunStatus.Failed,
            5 => RunStatus.Killed,
            _ => RunStatus.Unknown,
        };
        return status != RunStatus.Unknown;
    }

    public static RunStatus FromName(string? name) => name switch
    {
        "RUNNING" => RunStatus.Running,
        "SCHEDULED" => RunStatus.Scheduled,
        "FINISHED" => RunStatus.Finished,
        "FAILED" => RunStatus.Failed,
        "KILLED" => RunStatus.Killed,
        _ => RunStatus.Unknown,
    };
}
