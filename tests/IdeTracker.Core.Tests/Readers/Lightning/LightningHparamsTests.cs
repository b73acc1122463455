using IdeTracker.Core.Model;

namespace IdeTracker.Core.Tests.Readers.Lightning;

public sealed class LightningHparamsTests : IDisposable
{
    private readonly LightningVersionFolder _version = new();

    public void Dispose() => _version.Dispose();

    [Fact]
    public void Nested_mappings_and_lists_flatten_to_dotted_keys()
    {
        _version.WithHparams("""
            lr: 0.001
            optimizer:
              name: adam
              betas: [0.9, 0.999]
              schedule: {warmup: 10, decay: null}
            layers:
            - 64
            - {units: 32, act: relu}
            tags: []
            extra: {}
            note: "two words"
            empty:
            """);

        var result = _version.Read();

        Assert.Empty(result.Problems);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["lr"] = "0.001",
                ["optimizer.name"] = "adam",
                ["optimizer.betas.0"] = "0.9",
                ["optimizer.betas.1"] = "0.999",
                ["optimizer.schedule.warmup"] = "10",
                ["optimizer.schedule.decay"] = "null",
                ["layers.0"] = "64",
                ["layers.1.units"] = "32",
                ["layers.1.act"] = "relu",
                ["tags"] = "[]",
                ["extra"] = "{}",
                ["note"] = "two words",
                ["empty"] = "",
            },
            Assert.Single(result.Runs).Params);
    }

    [Fact]
    public void Python_tags_written_by_pyyaml_are_read_without_failing()
    {
        _version.WithHparams("""
            optimizer_class: !!python/name:torch.optim.adam.Adam ''
            args: !!python/object:argparse.Namespace
              batch_size: 32
              gpus: !!python/tuple
              - 0
              - 1
            dtype: !!python/object/apply:torch.dtype []
            """);

        var result = _version.Read();

        Assert.Empty(result.Problems);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["optimizer_class"] = "torch.optim.adam.Adam",
                ["args.batch_size"] = "32",
                ["args.gpus.0"] = "0",
                ["args.gpus.1"] = "1",
                ["dtype"] = "[]",
            },
            Assert.Single(result.Runs).Params);
    }

    [Fact]
    public void Anchors_and_aliases_repeat_the_anchored_values()
    {
        _version.WithHparams("""
            train: &id001
              size: [28, 28]
              name: mnist
            val: *id001
            seed: &s 7
            seed_copy: *s
            """);

        var run = Assert.Single(_version.Read().Runs);

        Assert.Equal("28", run.Params["val.size.1"]);
        Assert.Equal("mnist", run.Params["val.name"]);
        Assert.Equal("7", run.Params["seed_copy"]);
        Assert.Equal(8, run.Params.Count);
    }

    [Fact]
    public void A_broken_hparams_yaml_is_a_located_problem_and_the_run_is_still_listed()
    {
        _version.WithHparams("lr: 0.1\nbatch: 32\nmodel: [unclosed\nother: 1\n").WithMetrics("step,loss\n1,0.5\n");

        var result = _version.Read();

        var problem = Assert.Single(result.Problems);
        Assert.Equal(_version.HparamsYaml, problem.Path);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal(3, problem.Line);
        Assert.StartsWith("not valid YAML", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Line:", problem.Message, StringComparison.Ordinal);
        var run = Assert.Single(result.Runs);
        Assert.Equal("0.1", run.Params["lr"]);
        Assert.Equal([new MetricPoint(1, 0, 0.5)], run.Metrics["loss"]);
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_on_its_line_without_the_parser_position_prefix()
    {
        _version.WithHparams("lr: 0.1\nbatch: 32\nname: a\n  bad: indent\n");

        var problem = Assert.Single(_version.Read().Problems);

        Assert.Equal(4, problem.Line);
        Assert.StartsWith("not valid YAML: While scanning a plain scalar value", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Line:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_that_is_not_a_mapping_gives_no_params_and_says_so()
    {
        _version.WithHparams("- 1\n- 2\n");

        var result = _version.Read();

        Assert.Equal("the file is not a mapping of names to values; no params read", Assert.Single(result.Problems).Message);
        Assert.Empty(Assert.Single(result.Runs).Params);
    }

    [Fact]
    public void An_empty_hparams_yaml_is_a_run_without_params()
    {
        _version.WithHparams("");

        var result = _version.Read();

        Assert.Empty(result.Problems);
        Assert.Empty(Assert.Single(result.Runs).Params);
    }

    [Fact]
    public void Deep_nesting_stops_at_a_bound_instead_of_overflowing_the_stack()
    {
        _version.WithHparams("a: " + new string('[', 200_000) + new string(']', 200_000) + "\n");

        var result = _version.Read();

        Assert.Equal("nested deeper than 64 levels; params from there on are not read", Assert.Single(result.Problems).Message);
        Assert.Single(result.Runs);
    }

    [Fact]
    public void Alias_expansion_stops_at_the_params_bound()
    {
        var lines = new List<string> { "l0: &l0 [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]" };
        for (var i = 1; i <= 9; i++)
        {
            lines.Add($"l{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}]");
        }

        _version.WithHparams(string.Join('\n', lines) + "\n");

        var result = _version.Read();

        Assert.Equal("more than 10,000 params; the rest are not read", Assert.Single(result.Problems).Message);
        Assert.Equal(10_000, Assert.Single(result.Runs).Params.Count);
    }

    [Fact]
    public void A_version_with_only_hparams_yaml_is_a_run_without_metrics()
    {
        _version.WithHparams("lr: 0.1\n");

        var result = _version.Read();

        Assert.Empty(result.Problems);
        var run = Assert.Single(result.Runs);
        Assert.Empty(run.Metrics);
        Assert.Null(run.MetricsFile);
        Assert.Equal([_version.HparamsYaml], result.Files.Select(f => f.Path));
    }

    [Fact]
    public void A_folder_that_is_gone_reads_as_no_run_and_no_problem()
    {
        var result = _version.Read();

        Assert.Empty(result.Runs);
        Assert.Empty(result.Problems);
        Assert.Empty(result.Files);
    }
}
