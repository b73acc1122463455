namespace IdeTracker.Core.Configs;

public enum ConfigEntryKind
{
    /// <summary>A key with a scalar value (number, string, bool, null) written on its line.</summary>
    Scalar,

    /// <summary>A key whose value is a mapping, table, list or dict: no value of its own.</summary>
    Section,

    /// <summary>An item of a Hydra <c>defaults</c> list choosing an option of a config group
    /// (<c>- optimizer: adam</c>, <c>- override optimizer: sgd</c>): Path is the group (["optimizer"]), Value the option.</summary>
    HydraDefault,
}
