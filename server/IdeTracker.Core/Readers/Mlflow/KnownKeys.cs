using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>The keys MLflow writes in meta.yaml, returned as shared strings so parsing ten thousand files
/// does not allocate ten thousand copies of "run_id".</summary>
internal static class KnownKeys
{
    private static readonly string[] Keys =
    [
        "artifact_uri", "end_time", "entry_point_name", "experiment_id", "lifecycle_stage", "run_id",
        "run_name", "run_uuid", "source_name", "source_type", "source_version", "start_time", "status",
        "tags", "user_id", "deleted_time", "name", "artifact_location", "creation_time", "last_update_time",
    ];

    public static string Intern(ReadOnlySpan<char> key)
    {
        foreach (var known in Keys)
        {
            if (key.SequenceEqual(known))
            {
                return known;
            }
        }

        return key.ToString();
    }
}
