using IdeTracker.Core.Configs;
using IdeTracker.Core.Index;
using static IdeTracker.Core.Tests.Configs.ConfigEntries;

namespace IdeTracker.Core.Tests.Configs;

public sealed class ConfigKeyMapperTests
{
    private static ConfigKeyMapper Mapper(params (string Key, int Runs)[] keys) =>
        new([.. keys.Select(k => new KeyRunCount(k.Key, k.Runs))], []);

    private static ConfigKeyMapper Mapper(IReadOnlyList<string> paramKeys, IReadOnlyList<string> tagKeys) =>
        new([.. paramKeys.Select(k => new KeyRunCount(k, 1))], [.. tagKeys.Select(k => new KeyRunCount(k, 1))]);

    [Fact]
    public void The_exact_dotted_key_wins_over_prefixed_and_suffix_forms()
    {
        var mapper = Mapper(("optimizer.lr", 3), ("hparams.optimizer.lr", 9), ("model.optimizer.lr", 9), ("lr", 9));

        Assert.Equal(new KeyMatch(KeyMatchKind.Exact, "optimizer.lr", []), mapper.Map(Scalar("optimizer.lr", "0.1")), KeyMatchComparer.Instance);
    }

    [Theory]
    [InlineData("hparams")]
    [InlineData("hyperparameters")]
    [InlineData("config")]
    [InlineData("cfg")]
    [InlineData("params")]
    [InlineData("args")]
    public void A_key_runs_logged_under_a_known_prefix_maps_as_prefixed(string prefix)
    {
        var mapper = Mapper(($"{prefix}.optimizer.lr", 4), ("other.optimizer.lr", 4));

        var match = mapper.Map(Scalar("optimizer.lr", "0.1"));

        Assert.Equal((KeyMatchKind.Prefixed, $"{prefix}.optimizer.lr"), (match.Kind, match.Key));
    }

    [Fact]
    public void The_same_key_under_two_prefixes_is_ambiguous_with_the_busier_key_first()
    {
        var mapper = Mapper(("config.lr", 2), ("hparams.lr", 7));

        var match = mapper.Map(Scalar("lr", "0.1"));

        Assert.Equal(KeyMatchKind.Ambiguous, match.Kind);
        Assert.Null(match.Key);
        Assert.False(match.IsMatched);
        Assert.Equal(["hparams.lr", "config.lr"], match.Candidates);
    }

    [Fact]
    public void A_config_key_longer_than_the_param_maps_to_the_param_it_ends_with()
    {
        var mapper = Mapper(("lr", 5), ("batch_size", 5));

        var match = mapper.Map(Scalar("optimizer.lr", "0.1"));

        Assert.Equal((KeyMatchKind.Suffix, "lr"), (match.Kind, match.Key));
    }

    [Fact]
    public void A_config_key_shorter_than_the_param_maps_to_the_only_param_ending_with_it()
    {
        var mapper = Mapper(("model.optimizer.lr", 5), ("model.dropout", 5));

        var match = mapper.Map(Scalar("lr", "0.1"));

        Assert.Equal((KeyMatchKind.Suffix, "model.optimizer.lr"), (match.Kind, match.Key));
    }

    [Fact]
    public void The_longest_overlap_wins_among_suffix_matches()
    {
        var mapper = Mapper(("lr", 50), ("optimizer.lr", 1));

        var match = mapper.Map(Scalar("train.optimizer.lr", "0.1"));

        Assert.Equal((KeyMatchKind.Suffix, "optimizer.lr"), (match.Kind, match.Key));
    }

    [Fact]
    public void A_param_ending_with_the_whole_config_key_beats_one_the_config_key_ends_with()
    {
        var mapper = Mapper(("lr", 50), ("model.optimizer.lr", 1));

        var match = mapper.Map(Scalar("optimizer.lr", "0.1"));

        Assert.Equal((KeyMatchKind.Suffix, "model.optimizer.lr"), (match.Kind, match.Key));
    }

    [Fact]
    public void Equally_long_suffix_matches_are_ambiguous_at_most_five_most_runs_first()
    {
        var keys = Enumerable.Range(0, 7).Select(i => ($"group{i}.lr", i + 1)).ToArray();
        var mapper = Mapper(keys);

        var match = mapper.Map(Scalar("lr", "0.1"));

        Assert.Equal(KeyMatchKind.Ambiguous, match.Kind);
        Assert.Equal(["group6.lr", "group5.lr", "group4.lr", "group3.lr", "group2.lr"], match.Candidates);
        Assert.Equal(ConfigKeyMapper.MaxCandidates, match.Candidates.Count);
    }

    [Fact]
    public void Ambiguous_candidates_with_equal_runs_are_named_in_ordinal_order()
    {
        var mapper = Mapper(("b.lr", 3), ("a.lr", 3));

        Assert.Equal(["a.lr", "b.lr"], mapper.Map(Scalar("lr", "1")).Candidates);
    }

    [Fact]
    public void A_segment_is_never_matched_by_part_of_its_name()
    {
        var mapper = Mapper(("base_lr", 5), ("optimizer.mylr", 5));

        Assert.Equal(KeyMatchKind.NotFound, mapper.Map(Scalar("lr", "0.1")).Kind);
    }

    [Fact]
    public void Case_and_dash_differences_match_only_after_the_exact_spelling_fails()
    {
        var mapper = Mapper(("Learning_Rate", 5), ("learning-rate", 5));

        Assert.Equal((KeyMatchKind.Exact, "learning-rate"), Pair(mapper.Map(Scalar("learning-rate", "1"))));
        Assert.Equal(KeyMatchKind.Ambiguous, mapper.Map(Scalar("LEARNING_RATE", "1")).Kind);
        Assert.Equal((KeyMatchKind.Exact, "Learning_Rate"), Pair(Mapper(("Learning_Rate", 5)).Map(Scalar("learning-rate", "1"))));
    }

    [Fact]
    public void A_loosely_equal_key_beats_an_exactly_spelled_suffix_match()
    {
        var mapper = Mapper(("model.Dropout", 5), ("dropout", 5));

        Assert.Equal((KeyMatchKind.Exact, "model.Dropout"), Pair(mapper.Map(Scalar("model.dropout", "0.1"))));
    }

    [Fact]
    public void Slash_separated_keys_from_lightning_loggers_match_loosely()
    {
        var mapper = Mapper(("hparams/optimizer/lr", 5), ("model/optimizer/lr", 5));

        Assert.Equal((KeyMatchKind.Prefixed, "hparams/optimizer/lr"), Pair(mapper.Map(Scalar("optimizer.lr", "1"))));
    }

    [Fact]
    public void A_wandb_config_value_wrapper_maps_as_the_key_it_wraps()
    {
        var mapper = Mapper(("lr", 9), ("optimizer.lr", 9));

        Assert.Equal((KeyMatchKind.Exact, "lr"), Pair(mapper.Map(Scalar("lr.value", "0.1"))));
        Assert.Equal((KeyMatchKind.Exact, "optimizer.lr"), Pair(mapper.Map(WithPath(["optimizer", "value", "lr"], "0.1"))));
    }

    [Fact]
    public void Wandb_descriptions_and_bookkeeping_map_to_nothing()
    {
        var mapper = Mapper(("lr", 9), ("desc", 9), ("cli_version", 9), ("wandb_version", 9));

        Assert.Equal(KeyMatchKind.NotFound, mapper.Map(Scalar("lr.desc", "null")).Kind);
        Assert.Equal(KeyMatchKind.NotFound, mapper.Map(WithPath(["_wandb", "value", "cli_version"], "0.14.0")).Kind);
        Assert.Equal(KeyMatchKind.Exact, mapper.Map(Scalar("wandb_version", "1")).Kind);
        Assert.Equal(KeyMatchKind.NotFound, Mapper(("version", 9)).Map(Scalar("wandb_version", "1")).Kind);
    }

    [Fact]
    public void A_param_literally_named_like_a_wrapper_still_matches_exactly()
    {
        var mapper = Mapper(("threshold.value", 4), ("threshold", 4));

        Assert.Equal((KeyMatchKind.Exact, "threshold.value"), Pair(mapper.Map(Scalar("threshold.value", "3"))));
    }

    [Fact]
    public void A_hydra_defaults_item_maps_to_the_choice_tag_of_its_group()
    {
        var mapper = Mapper(["optimizer.lr", "optimizer"], ["hydra.choice.optimizer", "hydra.choice.server/db", "team"]);

        Assert.Equal((KeyMatchKind.HydraChoice, "hydra.choice.optimizer"), Pair(mapper.Map(HydraDefault("optimizer", "adam"))));
        Assert.Equal((KeyMatchKind.HydraChoice, "hydra.choice.server/db"), Pair(mapper.Map(new ConfigEntry(
            ["server", "db"], TextSpan.OnLine(0, 2, 11), TextSpan.OnLine(0, 13, 18), "mysql", ConfigEntryKind.HydraDefault))));
        Assert.Equal((KeyMatchKind.HydraChoice, "hydra.choice.optimizer"), Pair(mapper.Map(HydraDefault("optimizer@opt", "adam"))));
        Assert.Equal(KeyMatchKind.NotFound, mapper.Map(HydraDefault("scheduler", "cosine")).Kind);
    }

    [Fact]
    public void Hydra_choice_tags_are_read_only_once_a_defaults_item_is_mapped()
    {
        var reads = 0;
        var mapper = new ConfigKeyMapper(["lr"], _ => 1, () =>
        {
            reads++;
            return ["hydra.choice.model"];
        });

        mapper.Map(Scalar("lr", "1"));
        var before = reads;
        mapper.Map(HydraDefault("model", "resnet"));
        mapper.Map(HydraDefault("model", "vit"));

        Assert.Equal((0, 1), (before, reads));
    }

    [Fact]
    public void A_section_matches_a_param_of_its_own_name_but_never_by_suffix()
    {
        var mapper = Mapper(("model.optimizer", 5), ("hparams.trainer", 5));

        Assert.Equal(KeyMatchKind.NotFound, mapper.Map(Section("optimizer")).Kind);
        Assert.Equal((KeyMatchKind.Prefixed, "hparams.trainer"), Pair(mapper.Map(Section("trainer"))));
    }

    [Fact]
    public void List_items_map_by_their_index_segment()
    {
        var mapper = Mapper(("layers.0", 3), ("layers.1", 3));

        Assert.Equal((KeyMatchKind.Exact, "layers.1"), Pair(mapper.Map(WithPath(["layers", "1"], "64"))));
    }

    [Fact]
    public void Nothing_matches_in_an_empty_catalog()
    {
        var mapper = Mapper();

        Assert.Equal(KeyMatch.NotFound, mapper.Map(Scalar("lr", "0.1")));
        Assert.Equal(KeyMatch.NotFound, mapper.Map(HydraDefault("optimizer", "adam")));
    }

    private static (KeyMatchKind, string?) Pair(KeyMatch match) => (match.Kind, match.Key);
}
