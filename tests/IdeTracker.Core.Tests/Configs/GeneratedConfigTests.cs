using System.Text;
using IdeTracker.Core.Configs;

namespace IdeTracker.Core.Tests.Configs;

/// <summary>Generated files: the fixtures agree with the index's JSON and TOML readers (the corpus has no TOML), and
/// 50,000-line files of every syntax give every entry they were written with, positioned to the last line.</summary>
public sealed class GeneratedConfigTests
{
    private const int Blocks = 10_000;

    [Fact]
    public void The_toml_fixture_gives_the_values_tomlyn_reads() =>
        ReferenceReaders.AssertSameAsReference(ConfigFixtures.Toml, ConfigSyntax.Toml);

    [Fact]
    public void The_json_fixture_gives_the_values_the_index_reads() =>
        ReferenceReaders.AssertSameAsReference(ConfigFixtures.Json, ConfigSyntax.Json);

    [Theory]
    [InlineData(ConfigSyntax.Yaml)]
    [InlineData(ConfigSyntax.Json)]
    [InlineData(ConfigSyntax.Toml)]
    [InlineData(ConfigSyntax.Python)]
    public void A_50000_line_file_gives_every_entry(ConfigSyntax syntax)
    {
        var text = Large(syntax);
        var document = ConfigParser.Parse(text, syntax);

        Assert.True(ConfigText.Lines(text).Count >= 50_000);
        var perBlock = syntax == ConfigSyntax.Yaml ? 7 : 6;
        Assert.Equal(Blocks * perBlock, document.Entries.Count);
        var last = ConfigText.Single(document, $"s{Blocks - 1}.lr");
        Assert.Equal($"{Blocks - 1}e-4", last.Value);
        Assert.Equal($"{Blocks - 1}e-4", ConfigText.At(text, last.ValueSpan!.Value));
        Assert.Equal(Blocks, document.Entries.Count(e => e.Path.Count == 2 && e.Path[1] == "lr"));
    }

    /// <summary>10,000 blocks of 5 lines: a section with a number, a string, and a list of two numbers (YAML adds a plain
    /// scalar line).</summary>
    private static string Large(ConfigSyntax syntax)
    {
        var text = new StringBuilder();
        if (syntax == ConfigSyntax.Json)
        {
            text.Append("{\n");
        }

        for (var i = 0; i < Blocks; i++)
        {
            var comma = i < Blocks - 1 ? "," : "";
            text.Append(syntax switch
            {
                ConfigSyntax.Yaml => $"s{i}:\n  lr: {i}e-4\n  name: \"run {i}\"\n  sizes: [1, 2]\n  note: plain text\n",
                ConfigSyntax.Json => $"  \"s{i}\": {{\n    \"lr\": {i}e-4,\n    \"name\": \"run {i}\",\n    \"sizes\": [1, 2]\n  }}{comma}\n",
                ConfigSyntax.Toml => $"[s{i}]\nlr = {i}e-4\nname = \"run {i}\"\nsizes = [1, 2]\n\n",
                _ => $"s{i} = {{\n    'lr': {i}e-4,\n    'name': 'run {i}',\n    'sizes': [1, 2],\n}}\n",
            });
        }

        if (syntax == ConfigSyntax.Json)
        {
            text.Append("}\n");
        }

        return text.ToString();
    }
}
