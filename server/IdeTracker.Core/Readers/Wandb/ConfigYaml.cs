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
        foreach (var (key, value) in flat)
        {
            var dot = key.IndexOf('.');
            var top = dot < 0 ? key : key[..dot];
            var rest = dot < 0 ? "" : key[(dot + 1)..];
            if (top == "wandb_version")
            {
                continue;
            }

            if (top == InternalKey)
            {
                TakeEnvironment(rest, value, environment);
                continue;
            }

            if (rest == "desc" || rest.StartsWith("desc.", StringComparison.Ordinal))
            {
                continue;
            }

            // A key W&B wrote as {desc, value}: the value is the param. Anything else (hand-edited files,
            // versions that wrote plain values) is kept as it stands.
            var name = rest == "value" ? top
                : rest.StartsWith("value.", StringComparison.Ordinal) ? top + rest["value".Length..]
                : key;
            parameters[name] = value;
        }
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
