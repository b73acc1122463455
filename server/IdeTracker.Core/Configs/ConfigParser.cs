using IdeTracker.Core.Configs.Scanning;

namespace IdeTracker.Core.Configs;

/// <summary>Reads what a config file sets, with exact positions, from text that may be half-typed.</summary>
public static class ConfigParser
{
    private static readonly System.Buffers.SearchValues<char> SchemeChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");

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
        if (cut >= 0 && HasScheme(name))
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

    /// <summary>A URI ("file:///…", "untitled:…") has a query and fragment to drop; a scheme of one letter is a
    /// Windows drive.</summary>
    private static bool HasScheme(string name)
    {
        var colon = name.IndexOf(':');
        return colon > 1 && char.IsAsciiLetter(name[0]) && name.AsSpan(0, colon).IndexOfAnyExcept(SchemeChars) < 0;
    }
}
