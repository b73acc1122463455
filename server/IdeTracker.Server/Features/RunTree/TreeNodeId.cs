using System.Text.Json;

namespace IdeTracker.Server.Features.RunTree;

/// <summary>What a tree node id stands for. Ids are opaque to the client; here they are a small JSON array
/// (["exp", storeKey, experiment]) so store keys and experiment names may hold any character.</summary>
public sealed record TreeNodeId(string Kind, string? StoreKey = null, string? Experiment = null, string? RunId = null)
{
    public const string Store = "store";
    public const string ExperimentKind = "experiment";
    public const string Run = "run";
    public const string Problems = "problems";
    public const string Problem = "problem";

    /// <summary>In the lineage grouping: an experiment (no run: its roots) or a run whose children are the
    /// runs that hang under it, with the store and experiment the lineage is worked out in.</summary>
    public const string Lineage = "lineage";

    public static TreeNodeId ForStore(string storeKey) => new(Store, storeKey);

    public static TreeNodeId ForExperiment(string storeKey, string? experiment) => new(ExperimentKind, storeKey, experiment);

    public static TreeNodeId ForRun(string runId) => new(Run, RunId: runId);

    public static TreeNodeId ForLineage(string storeKey, string? experiment, string? runId) => new(Lineage, storeKey, experiment, runId);

    public string Encode() => Kind switch
    {
        Store => JsonSerializer.Serialize(new[] { Kind, StoreKey }),
        ExperimentKind => JsonSerializer.Serialize(new[] { Kind, StoreKey, Experiment }),
        Run => JsonSerializer.Serialize(new[] { Kind, RunId }),
        Lineage => JsonSerializer.Serialize(RunId is null ? new[] { Kind, StoreKey, Experiment } : new[] { Kind, StoreKey, Experiment, RunId }),
        _ => JsonSerializer.Serialize(new[] { Kind }),
    };

    /// <summary>Null when the id is not one this server made.</summary>
    public static TreeNodeId? Decode(string id)
    {
        string?[]? parts;
        try
        {
            parts = JsonSerializer.Deserialize<string?[]>(id);
        }
        catch (JsonException)
        {
            return null;
        }

        return parts switch
        {
            [Store, { } store] => ForStore(store),
            [ExperimentKind, { } store, var experiment] => ForExperiment(store, experiment),
            [Run, { } run] => ForRun(run),
            [Lineage, { } store, var experiment] => ForLineage(store, experiment, null),
            [Lineage, { } store, var experiment, { } run] => ForLineage(store, experiment, run),
            [Problems] => new TreeNodeId(Problems),
            _ => null,
        };
    }
}
