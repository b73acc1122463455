using IdeTracker.Core.Configs.Scanning;

namespace IdeTracker.Core.Configs;

/// <summary>Reads what a config file sets, with exact positions, from text that may be half-typed.</summary>
public static class ConfigParser
{
    /// <summary>The entries the text sets, in document order. Never throws: damaged text gives the entries that can
    /// still be read around the damage.</summary>
    public static ConfigDocument Parse(string text, ConfigSyntax syntax)
    {
        var map = new LineMap(text ?? "");
        IReadOnlyList<ConfigEntry> entries = syntax switch
        {
            ConfigSyntax.Yaml => new YamlConfigScanner(map).Scan(),
            ConfigSyntax.Json => new JsonConfigScanner(map).Scan(),
            ConfigSyntax.Toml => new TomlConfigScanner(map).Scan(),
            ConfigSyntax.Python => new PythonConfigScanner(map).Scan(),
            _ => [],
        };
        return new ConfigDocument(syntax, entries);
    }

    /// <summary>The syntax of a file by its editor language id when given and known, else by its extension; null for
    /// a file that is not a config file we read.</summary>
    public static ConfigSyntax? SyntaxOf(string pathOrUri, string? languageId = null)
    {
        var byLanguage = languageId?.ToLowerInvariant() switch
        {
            "yaml" => ConfigSyntax.Yaml,
            "json" or "jsonc" => ConfigSyntax.Json,
            "toml" => ConfigSyntax.Toml,
            "python" => ConfigSyntax.Python,
            _ => (ConfigSyntax?)null,
        };
        if (byLanguage is not null)
        {
            return byLanguage;
        }

        var name = pathOrUri ?? "";
        var cut = name.IndexOfAny(['?', '#']);
        if (cut >= 0 && name.Contains("://", StringComparison.Ordinal))
        {
            name = name[..cut];
        }

        var dot = name.LastIndexOf('.');
        if (dot < 0 || name.IndexOfAny(['/', '\\'], dot) >= 0)
        {
            return null;
        }

        return name[(dot + 1)..].ToLowerInvariant() switch
        {
            "yaml" or "yml" => ConfigSyntax.Yaml,
            "json" or "jsonc" => ConfigSyntax.Json,
            "toml" => ConfigSyntax.Toml,
            "py" => ConfigSyntax.Python,
            _ => null,
        };
    }
}
