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

    public static TreeNodeId ForStore(string storeKey) => new(Store, storeKey);

    public static TreeNodeId ForExperiment(string storeKey, string? experiment) => new(ExperimentKind, storeKey, experiment);

    public static TreeNodeId ForRun(string runId) => new(Run, RunId: runId);

    public string Encode() => Kind switch
    {
        Store => JsonSerializer.Serialize(new[] { Kind, StoreKey }),
        ExperimentKind => JsonSerializer.Serialize(new[] { Kind, StoreKey, Experiment }),
        Run => JsonSerializer.Serialize(new[] { Kind, RunId }),
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
            [Problems] => new TreeNodeId(Problems),
            _ => null,
        };
    }
}
