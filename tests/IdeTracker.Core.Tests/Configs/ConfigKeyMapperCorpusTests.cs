using IdeTracker.Core.Configs;
using IdeTracker.Core.Discovery;
using IdeTracker.Core.Index;
using IdeTracker.Core.Tests.TestSupport;
using static IdeTracker.Core.Tests.Configs.ConfigEntries;

namespace IdeTracker.Core.Tests.Configs;

/// <summary>The mapper over the keys the real corpus runs record (every format, indexed into a real SQLite file):
/// Sacred's <c>lr</c>, W&B's <c>optimizer.lr</c>, Lightning's <c>learning_rate</c>, Hydra's nested
/// <c>training.optimizer.upper.lr</c> and group choice tags.</summary>
public sealed class ConfigKeyMapperCorpusTests : IClassFixture<ConfigKeyMapperCorpusTests.CorpusCatalog>
{
    private readonly ConfigKeyMapper mapper;
    private readonly CorpusCatalog catalog;

    public ConfigKeyMapperCorpusTests(CorpusCatalog catalog)
    {
        this.catalog = catalog;
        mapper = new ConfigKeyMapper(catalog.ParamKeys, catalog.TagKeys);
    }

    [Theory]
    [InlineData("lr", "Exact", "lr")]
    [InlineData("optimizer.lr", "Exact", "optimizer.lr")]
    [InlineData("upper.lr", "Suffix", "training.optimizer.upper.lr")]
    [InlineData("optimizer.lower.lr", "Suffix", "training.optimizer.lower.lr")]
    [InlineData("algorithm.lr", "Suffix", "selection.linear_solver.algorithm.lr")]
    [InlineData("model.optimizer.lr", "Suffix", "optimizer.lr")]
    [InlineData("trainer.learning-rate", "Suffix", "learning_rate")]
    [InlineData("Learning-Rate", "Exact", "learning_rate")]
    [InlineData("alpha", "Exact", "alpha")]
    [InlineData("conv_units", "Suffix", "model.conv_units")]
    public void Config_keys_map_to_the_keys_corpus_runs_record(string configKey, string kind, string paramKey)
    {
        var match = mapper.Map(Scalar(configKey, "1"));

        Assert.Equal((Enum.Parse<KeyMatchKind>(kind), paramKey), (match.Kind, match.Key));
        Assert.Contains(paramKey, catalog.ParamKeys.Select(k => k.Key));
    }

    [Fact]
    public void A_bare_name_many_hydra_keys_end_with_is_ambiguous_not_guessed()
    {
        var match = mapper.Map(Scalar("name", "adam"));

        Assert.Equal(KeyMatchKind.Ambiguous, match.Kind);
        Assert.Equal(ConfigKeyMapper.MaxCandidates, match.Candidates.Count);
        Assert.All(match.Candidates, c => Assert.EndsWith(".name", c, StringComparison.Ordinal));
    }

    [Fact]
    public void The_wandb_config_yaml_of_a_corpus_run_maps_its_values_and_skips_its_bookkeeping()
    {
        // The entries of wandb/VerySimpleTransformer/…/files/config.yaml as a config parser gives them.
        Assert.Equal((KeyMatchKind.Exact, "optimizer.lr"), Pair(mapper.Map(WithPath(["optimizer", "value", "lr"], "0.001"))));
        Assert.Equal((KeyMatchKind.Exact, "dataset"), Pair(mapper.Map(WithPath(["dataset", "value"], "IMDB"))));
        Assert.Equal(KeyMatchKind.NotFound, mapper.Map(WithPath(["epochs", "desc"], "null")).Kind);
        Assert.Equal(KeyMatchKind.NotFound, mapper.Map(WithPath(["_wandb", "value", "cli_version"], "0.14.0")).Kind);
        Assert.Equal(KeyMatchKind.NotFound, mapper.Map(WithPath(["wandb_version"], "1")).Kind);
    }

    [Fact]
    public void A_hydra_defaults_item_maps_to_the_group_choice_the_corpus_sweep_recorded()
    {
        Assert.Equal((KeyMatchKind.HydraChoice, "hydra.choice.dataset"), Pair(mapper.Map(HydraDefault("dataset", "mnist_test"))));
        Assert.Equal(KeyMatchKind.NotFound, mapper.Map(HydraDefault("optimizer", "adam")).Kind);
    }

    [Fact]
    public void Keys_no_corpus_run_records_are_not_found()
    {
        Assert.Equal(KeyMatchKind.NotFound, mapper.Map(Scalar("scheduler.warmup_steps", "100")).Kind);
    }

    private static (KeyMatchKind, string?) Pair(KeyMatch match) => (match.Kind, match.Key);

    /// <summary>The whole corpus indexed once for the class: its param and tag keys with run counts.</summary>
    public sealed class CorpusCatalog : IDisposable
    {
        private readonly TempDirectory temp = new();

        public CorpusCatalog()
        {
            using var store = IndexStore.Open(temp.Combine("index.db"), Corpus.Root);
            Engine.CreateIndexer(store, DiscoveryOptions.Default).IndexWorkspace(Corpus.Root, null, CancellationToken.None);
            ParamKeys = store.GetParamKeyCounts();
            TagKeys = store.GetTagKeyCounts();
        }

        public IReadOnlyList<KeyRunCount> ParamKeys { get; }

        public IReadOnlyList<KeyRunCount> TagKeys { get; }

        public void Dispose() => temp.Dispose();
    }
}
