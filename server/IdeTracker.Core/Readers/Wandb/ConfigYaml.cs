using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Reads files/config.yaml: "wandb_version: 1", then each config key as a mapping {desc, value}.
/// The values become params ("optimizer.lr", not "optimizer.value.lr"); the internal "_wandb" key is not a
/// param, but it records the python and wandb versions and the framework, which go to the environment.</summary>
internal static class ConfigYaml
{
    private const string InternalKey = "_wandb";

    private static readonly (string Key, string Name)[] EnvironmentKeys =
    [
        ("python", "python_version"),
        ("wandb", "cli_version"),
        ("framework", "framework"),
        ("huggingface", "huggingface_version"),
    ];

    public static void Read(string path, Dictionary<string, string> parameters, Dictionary<string, string> environment, List<Problem> problems)
    {
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        YamlParamsFile.Read(path, flat, problems);

        var keys = ConfigKeys(flat.Keys);
        foreach (var (flatKey, value) in flat)
        {
            var (key, rest) = Split(flatKey, keys);
            if (key == "wandb_version" || rest == "desc" || rest.StartsWith("desc.", StringComparison.Ordinal))
            {
                continue;
            }

            if (key == InternalKey)
            {
                TakeEnvironment(rest, value, environment);
                continue;
            }

            // A key W&B wrote as {desc, value}: the value is the param. Anything else (hand-edited files,
            // versions that wrote plain values) is kept as it stands.
            var name = rest == "value" ? key
                : rest.StartsWith("value.", StringComparison.Ordinal) ? key + rest["value".Length..]
                : flatKey;
            parameters[name] = value;
        }
    }

    /// <summary>W&B writes "desc" beside every "value", so the prefixes that have both are the config's own
    /// keys, dots and all ("model.lr" logged as one key stays one key).</summary>
    private static HashSet<string> ConfigKeys(IEnumerable<string> flatKeys)
    {
        var withDesc = new HashSet<string>(StringComparer.Ordinal);
        var withValue = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in flatKeys)
        {
            if (key.EndsWith(".desc", StringComparison.Ordinal))
            {
                withDesc.Add(key[..^".desc".Length]);
            }

            for (var at = key.IndexOf(".value", StringComparison.Ordinal); at > 0; at = key.IndexOf(".value", at + 1, StringComparison.Ordinal))
            {
                var end = at + ".value".Length;
                if (end == key.Length || key[end] == '.')
                {
                    withValue.Add(key[..at]);
                }
            }
        }

        withDesc.IntersectWith(withValue);
        return withDesc;
    }

    /// <summary>The config key a flattened key starts with (the longest one that has a "desc", else the first
    /// dotted part) and what follows it.</summary>
    private static (string Key, string Remainder) Split(string flatKey, HashSet<string> keys)
    {
        for (var dot = flatKey.LastIndexOf('.'); dot > 0; dot = flatKey.LastIndexOf('.', dot - 1))
        {
            if (keys.Contains(flatKey[..dot]))
            {
                return (flatKey[..dot], flatKey[(dot + 1)..]);
            }
        }

        var first = flatKey.IndexOf('.');
        return first < 0 ? (flatKey, "") : (flatKey[..first], flatKey[(first + 1)..]);
    }

    private static void TakeEnvironment(string rest, string value, Dictionary<string, string> environment)
    {
        const string Prefix = "value.";
        if (!rest.StartsWith(Prefix, StringComparison.Ordinal) || value.Length == 0)
        {
            return;
        }

        var name = rest[Prefix.Length..];
        foreach (var (key, wandbName) in EnvironmentKeys)
        {
            if (name == wandbName)
            {
                environment.TryAdd(key, value);
            }
        }
    }
}
