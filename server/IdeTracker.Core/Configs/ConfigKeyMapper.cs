using IdeTracker.Core.Index;

namespace IdeTracker.Core.Configs;

/// <summary>Matches a config file's key to what runs record (issue 6, item 2). In order: the dotted key as it
/// is; the same key under a prefix runs put in front (<see cref="Prefixes"/>); the only key that ends with the
/// config key's segments or whose segments the config key ends with, the longest overlap winning. Each step
/// first compares keys as written, then loosely (case, <c>-</c>/<c>_</c>, <c>/</c> for <c>.</c>), before the
/// next step. Keys that fit equally well are <see cref="KeyMatchKind.Ambiguous"/>: nothing is guessed.
/// A config opened from a W&B run (<c>lr: {desc, value}</c>) maps <c>lr.value</c> as <c>lr</c> and its
/// <c>desc</c> and <c>_wandb</c> entries to nothing; a Hydra defaults item maps to the runs' choice of that
/// group, the tag <c>hydra.choice.&lt;group&gt;</c>. Immutable once built, so safe to share between threads.</summary>
public sealed class ConfigKeyMapper
{
    /// <summary>At most this many candidates are named for an ambiguous key, most runs first.</summary>
    public const int MaxCandidates = 5;

    /// <summary>What loggers put in front of a config's keys: Lightning's and Keras's hparams, SageMaker's
    /// hyperparameters, configs and argparse namespaces logged whole as one dict.</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["hparams", "hyperparameters", "config", "cfg", "params", "args"];

    public const string HydraChoicePrefix = "hydra.choice.";

    private readonly Func<string, int> runsRecording;
    private readonly KeyTable[] paramTables;
    private readonly Lazy<KeyTable[]> tagTables;

    /// <summary>A mapper over <paramref name="paramKeys"/> and <paramref name="tagKeys"/> with their run counts.</summary>
    public ConfigKeyMapper(IReadOnlyList<KeyRunCount> paramKeys, IReadOnlyList<KeyRunCount> tagKeys)
        : this(
            paramKeys.Select(k => k.Key),
            paramKeys.ToDictionary(k => k.Key, k => k.Runs, StringComparer.Ordinal).GetValueOrDefault,
            () => [.. tagKeys.Select(k => k.Key).Where(k => k.StartsWith(HydraChoicePrefix, StringComparison.Ordinal))])
    {
    }

    /// <summary>A mapper over <paramref name="paramKeys"/>; <paramref name="runsRecording"/> (asked only to order the
    /// candidates of an ambiguous key) and <paramref name="hydraChoiceTagKeys"/> (asked the first time a Hydra
    /// defaults item is mapped) let the index answer only what a config needs.</summary>
    public ConfigKeyMapper(IEnumerable<string> paramKeys, Func<string, int> runsRecording, Func<IReadOnlyList<string>> hydraChoiceTagKeys)
    {
        this.runsRecording = runsRecording;
        paramTables = Tables([.. paramKeys]);
        tagTables = new Lazy<KeyTable[]>(() => Tables(hydraChoiceTagKeys()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public KeyMatch Map(ConfigEntry entry)
    {
        if (entry.Path.Count == 0)
        {
            return KeyMatch.NotFound;
        }

        if (entry.Kind == ConfigEntryKind.HydraDefault)
        {
            return MapHydraChoice(entry.Path);
        }

        var dotted = entry.DottedPath;
        if (paramTables[0].Exact(dotted) is [var exact])
        {
            return new KeyMatch(KeyMatchKind.Exact, exact, []);
        }

        if (IsWandbBookkeeping(entry.Path))
        {
            return KeyMatch.NotFound;
        }

        if (entry.Path.Count >= 2 && entry.Path[1] == "value")
        {
            dotted = string.Join('.', entry.Path.Where((_, i) => i != 1));
        }

        return Ladder(dotted, suffixes: entry.Kind != ConfigEntryKind.Section);
    }

    private KeyMatch Ladder(string dotted, bool suffixes)
    {
        foreach (var table in paramTables)
        {
            if (Decide(KeyMatchKind.Exact, table.Exact(table.Spell(dotted))) is { } match)
            {
                return match;
            }
        }

        foreach (var table in paramTables)
        {
            if (Decide(KeyMatchKind.Prefixed, table.Prefixed(table.Spell(dotted), Prefixes)) is { } match)
            {
                return match;
            }
        }

        if (suffixes)
        {
            foreach (var table in paramTables)
            {
                if (Decide(KeyMatchKind.Suffix, table.Suffix(table.Spell(dotted))) is { } match)
                {
                    return match;
                }
            }
        }

        return KeyMatch.NotFound;
    }

    /// <summary>Hydra names nested groups with "/" ("server/db") and lets an item pick a package ("db@backup"),
    /// which is not part of the group's name.</summary>
    private KeyMatch MapHydraChoice(IReadOnlyList<string> path)
    {
        var group = string.Join('/', path);
        if (group.IndexOf('@') is var at and > 0)
        {
            group = group[..at];
        }

        foreach (var table in tagTables.Value)
        {
            if (table.Exact(table.Spell(HydraChoicePrefix + group)) is [var tag])
            {
                return new KeyMatch(KeyMatchKind.HydraChoice, tag, []);
            }
        }

        return KeyMatch.NotFound;
    }

    private KeyMatch? Decide(KeyMatchKind kind, IReadOnlyList<string> candidates) => candidates.Count switch
    {
        0 => null,
        1 => new KeyMatch(kind, candidates[0], []),
        _ => new KeyMatch(KeyMatchKind.Ambiguous, null, [.. candidates
            .OrderByDescending(runsRecording)
            .ThenBy(k => k, StringComparer.Ordinal)
            .Take(MaxCandidates)]),
    };

    /// <summary>What W&B writes beside a config's values: <c>wandb_version</c>, <c>_wandb</c> and each key's <c>desc</c>.</summary>
    private static bool IsWandbBookkeeping(IReadOnlyList<string> path) =>
        path[0] == "_wandb"
        || (path.Count == 1 && path[0] == "wandb_version")
        || (path.Count == 2 && path[1] == "desc");

    private static KeyTable[] Tables(IReadOnlyList<string> keys) =>
        [new KeyTable(keys, static k => k), new KeyTable(keys, KeySpelling.Loose)];
}
