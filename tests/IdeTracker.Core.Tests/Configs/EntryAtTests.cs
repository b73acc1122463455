using IdeTracker.Core.Configs;

namespace IdeTracker.Core.Tests.Configs;

/// <summary>The parsed spans work with <see cref="ConfigDocument.EntryAt"/> as a hover uses it: a position on a value
/// or just after it finds that entry, a position on a key finds the key's entry, whitespace finds nothing.</summary>
public sealed class EntryAtTests
{
    [Theory]
    [InlineData(ConfigSyntax.Yaml, "optimizer:\n  lr: 0.001\n", 1, 7)]
    [InlineData(ConfigSyntax.Json, "{\"optimizer\": {\n  \"lr\": 0.001}}\n", 1, 9)]
    [InlineData(ConfigSyntax.Toml, "[optimizer]\nlr = 0.001\n", 1, 6)]
    [InlineData(ConfigSyntax.Python, "optimizer = {\n    'lr': 0.001,\n}\n", 1, 11)]
    public void A_position_on_the_value_finds_its_entry(ConfigSyntax syntax, string text, int line, int character)
    {
        var document = ConfigParser.Parse(text, syntax);

        var onValue = document.EntryAt(line, character);
        Assert.Equal("optimizer.lr", onValue?.DottedPath);
        var end = onValue!.ValueSpan!.Value;
        Assert.Same(onValue, document.EntryAt(end.EndLine, end.EndCharacter));
        Assert.Equal("optimizer", document.EntryAt(0, syntax == ConfigSyntax.Json ? 3 : 2)?.DottedPath);
    }

    [Fact]
    public void Whitespace_between_key_and_value_finds_nothing()
    {
        var document = ConfigParser.Parse("lr:     0.1\n", ConfigSyntax.Yaml);

        Assert.Null(document.EntryAt(0, 5));
        Assert.Equal("lr", document.EntryAt(0, 1)?.DottedPath);
    }
}
