namespace IdeTracker.Core.Configs;

/// <summary>The languages a config file can be written in.</summary>
public enum ConfigSyntax
{
    Yaml,
    Json,
    Toml,
    Python,
}
