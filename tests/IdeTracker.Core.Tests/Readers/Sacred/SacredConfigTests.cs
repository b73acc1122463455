using System.Text;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Tests.Readers.Sacred;

/// <summary>config.json on generated files shaped the way jsonpickle writes Python values (the corpus's configs
/// are plain JSON): tuples, sets, numpy scalars and arrays, objects, reduce, functions, types, references and
/// non-string keys.</summary>
public sealed class SacredConfigTests : IDisposable
{
    private readonly SacredRunFolder _folder = new();

    public SacredConfigTests() => _folder.WithRun(SacredRunFolder.RunJsonText());

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Jsonpickle_values_are_flattened_as_what_they_stand_for()
    {
        _folder.WithConfig("""
            {
              "act": {"py/function": "torch.nn.functional.relu"},
              "big": {"dtype": "float64", "py/object": "numpy.ndarray", "shape": {"py/tuple": [100, 3]}, "values": "eJzt0TEBAAAAwqD1T20KP6AAAAAAAAAAAPgbAAE="},
              "by_id": {"json://1": "one", "json://2": "two"},
              "classes": {"py/set": ["cat", "dog"]},
              "cls": {"py/type": "mylib.Model"},
              "empty_object": {"py/object": "mylib.Empty"},
              "flag": true,
              "layers": [64, {"units": 32}],
              "lr": {"dtype": "float64", "py/object": "numpy.float64", "value": 0.001},
              "missing": null,
              "nan": NaN,
              "nested": {"a": {"b": {"c": []}}, "d": {}},
              "opt": {"betas": {"py/tuple": [0.9, 0.999]}, "name": "adam", "py/object": "mylib.Opt"},
              "path": {"py/reduce": [{"py/type": "pathlib.PosixPath"}, {"py/tuple": ["data", "x.csv"]}]},
              "price": {"py/reduce": [{"py/type": "decimal.Decimal"}, {"py/tuple": ["1.5"]}]},
              "same_opt": {"py/id": 3},
              "seed": 594583207,
              "shape": {"py/tuple": [28, 28]},
              "state": {"py/object": "mylib.Stateful", "py/state": {"k": 1}},
              "weights": {"dtype": "float32", "py/object": "numpy.ndarray", "values": [0.5, 0.25]}
            }
            """);

        var result = _folder.Read();

        Assert.Empty(result.Problems);
        Assert.Equal(new Dictionary<string, string>
        {
            ["act"] = "torch.nn.functional.relu",
            ["big"] = "numpy.ndarray float64 [100, 3]",
            ["by_id.1"] = "one",
            ["by_id.2"] = "two",
            ["classes.0"] = "cat",
            ["classes.1"] = "dog",
            ["cls"] = "mylib.Model",
            ["empty_object"] = "mylib.Empty",
            ["flag"] = "true",
            ["layers.0"] = "64",
            ["layers.1.units"] = "32",
            ["lr"] = "0.001",
            ["missing"] = "null",
            ["nan"] = "NaN",
            ["nested.a.b.c"] = "[]",
            ["nested.d"] = "{}",
            ["opt.betas.0"] = "0.9",
            ["opt.betas.1"] = "0.999",
            ["opt.name"] = "adam",
            ["path.0"] = "data",
            ["path.1"] = "x.csv",
            ["price"] = "1.5",
            ["same_opt"] = "py/id 3",
            ["seed"] = "594583207",
            ["shape.0"] = "28",
            ["shape.1"] = "28",
            ["state.k"] = "1",
            ["weights.0"] = "0.5",
            ["weights.1"] = "0.25",
        }, Assert.Single(result.Runs).Params);
    }

    [Fact]
    public void A_config_nested_past_the_limit_keeps_the_deep_part_as_json_text()
    {
        // 40 levels: past the flattener's 32, within what System.Text.Json accepts.
        var json = new StringBuilder("{\"top\": ");
        for (var i = 0; i < 40; i++)
        {
            json.Append("{\"k\": ");
        }

        json.Append('1').Append('}', 41);
        _folder.WithConfig(json.ToString());

        var result = _folder.Read();

        Assert.Empty(result.Problems);
        var param = Assert.Single(Assert.Single(result.Runs).Params);
        Assert.StartsWith("top" + string.Concat(Enumerable.Repeat(".k", 32)), param.Key);
        Assert.StartsWith("{\"k\": {\"k\"", param.Value);
    }

    [Fact]
    public void A_config_too_deep_for_json_parsing_is_a_located_problem_and_the_run_is_read()
    {
        _folder.WithConfig("{\"a\":\n" + new string('[', 300) + new string(']', 300) + "}");

        var result = _folder.Read();

        Assert.Empty(Assert.Single(result.Runs).Params);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(_folder.ConfigJson, problem.Path);
        Assert.Equal(2, problem.Line);
        Assert.Contains("depth", problem.Message);
    }

    [Fact]
    public void A_config_with_more_than_ten_thousand_values_keeps_the_first_ten_thousand()
    {
        _folder.WithConfig("{\"xs\": [" + string.Join(",", Enumerable.Range(0, 12_000)) + "]}");

        var result = _folder.Read();

        Assert.Equal(10_000, Assert.Single(result.Runs).Params.Count);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.Contains("more than 10,000", problem.Message);
    }

    [Fact]
    public void A_config_that_is_not_a_mapping_is_a_problem()
    {
        _folder.WithConfig("[1, 2]");

        var result = _folder.Read();

        Assert.Empty(Assert.Single(result.Runs).Params);
        Assert.Contains("not a mapping", Assert.Single(result.Problems).Message);
    }
}
