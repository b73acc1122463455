using IdeTracker.Core.Configs;

namespace IdeTracker.Core.Tests.Configs;

public sealed class ConfigSyntaxTests
{
    [Theory]
    [InlineData("conf/params.yaml", ConfigSyntax.Yaml)]
    [InlineData("C:\\runs\\config.YML", ConfigSyntax.Yaml)]
    [InlineData("file:///work/a%20b/settings.json", ConfigSyntax.Json)]
    [InlineData("tsconfig.jsonc", ConfigSyntax.Json)]
    [InlineData("pyproject.toml", ConfigSyntax.Toml)]
    [InlineData("file:///w/train.py#L3", ConfigSyntax.Python)]
    [InlineData("untitled:Untitled-1.yaml?x=1", ConfigSyntax.Yaml)]
    public void The_extension_names_the_syntax(string path, ConfigSyntax expected) =>
        Assert.Equal(expected, ConfigParser.SyntaxOf(path));

    [Theory]
    [InlineData("README.md")]
    [InlineData("Makefile")]
    [InlineData("configs.d/run")]
    [InlineData("")]
    public void Other_files_have_no_config_syntax(string path) => Assert.Null(ConfigParser.SyntaxOf(path));

    [Theory]
    [InlineData("settings.txt", "yaml", ConfigSyntax.Yaml)]
    [InlineData("a.yaml", "json", ConfigSyntax.Json)]
    [InlineData("a.json", "jsonc", ConfigSyntax.Json)]
    [InlineData("a.cfg", "toml", ConfigSyntax.Toml)]
    [InlineData("notebook", "python", ConfigSyntax.Python)]
    public void The_language_id_wins_when_given(string path, string languageId, ConfigSyntax expected) =>
        Assert.Equal(expected, ConfigParser.SyntaxOf(path, languageId));

    [Fact]
    public void An_unknown_language_id_falls_back_to_the_extension() =>
        Assert.Equal(ConfigSyntax.Toml, ConfigParser.SyntaxOf("a.toml", "plaintext"));
}
