using IdeTracker.Core.Configs;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Configs;

/// <summary>Real config files from the shared corpus (Hydra, Lightning hparams, W&amp;B config.yaml, DVC params, Sacred
/// config.json, W&amp;B summaries) give the keys and values the index's own readers flatten them to. The corpus has no
/// TOML; TOML is checked against Tomlyn on generated files in <see cref="GeneratedConfigTests"/>.</summary>
public sealed class CorpusConfigTests
{
    public static TheoryData<string> YamlFiles() => [.. Files("*.yaml", "*.yml")];

    public static TheoryData<string> JsonFiles() => [.. Files("*.json")];

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void A_corpus_yaml_file_gives_the_values_the_index_reads(string relative)
    {
        var text = File.ReadAllText(Corpus.PathOf(relative));

        ReferenceReaders.AssertSameAsReference(text, ConfigSyntax.Yaml);
        ConfigText.AssertSpansInside(text, ConfigParser.Parse(text, ConfigSyntax.Yaml));
    }

    [Theory]
    [MemberData(nameof(JsonFiles))]
    public void A_corpus_json_file_gives_the_values_the_index_reads(string relative)
    {
        var text = File.ReadAllText(Corpus.PathOf(relative));

        ReferenceReaders.AssertSameAsReference(text, ConfigSyntax.Json);
        ConfigText.AssertSpansInside(text, ConfigParser.Parse(text, ConfigSyntax.Json));
    }

    [Fact]
    public void The_corpus_holds_the_config_kinds_the_brief_names()
    {
        var yaml = Files("*.yaml", "*.yml");

        Assert.Contains(yaml, f => f.EndsWith(".hydra/config.yaml", StringComparison.Ordinal));
        Assert.Contains(yaml, f => f.EndsWith("params.yaml", StringComparison.Ordinal));
        Assert.Contains(yaml, f => f.EndsWith("hparams.yaml", StringComparison.Ordinal));
        Assert.Contains(yaml, f => f.Contains("wandb", StringComparison.Ordinal) && f.EndsWith("files/config.yaml", StringComparison.Ordinal));
        Assert.NotEmpty(Files("*.json"));
    }

    /// <summary>Corpus files below MLflow stores are run metadata and guild.yml is a list of Guild models (the index
    /// reads no params from either), not configs; every other YAML and JSON file counts.
    /// The golden files are MLflow's reader output, not configs either.</summary>
    private static List<string> Files(params string[] patterns) =>
        patterns.SelectMany(p => Directory.EnumerateFiles(Corpus.Root, p, SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Corpus.Root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("mlflow/", StringComparison.Ordinal) && !f.EndsWith("guild.yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
}
