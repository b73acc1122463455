using IdeTracker.Core.Configs;
using IdeTracker.Core.Model;
using static IdeTracker.Core.Tests.Configs.ConfigEntries;
using static IdeTracker.Core.Tests.Configs.ResultsIndex;

namespace IdeTracker.Core.Tests.Configs;

public sealed class ConfigResultsDocumentTests : IDisposable
{
    private readonly ResultsIndex index = new();
    private readonly Dictionary<string, string> names = [];

    public ConfigResultsDocumentTests()
    {
        Run("a", 0.70, ("optimizer.lr", "0.001"), ("optimizer.name", "adam"), ("epochs", "10"));
        Run("b", 0.90, ("optimizer.lr", "1e-3"), ("optimizer.name", "Adam"), ("epochs", "10"));
        Run("c", 0.95, ("optimizer.lr", "0.01"), ("optimizer.name", "adam"), ("epochs", "10"));
        Run("no-epochs", 0.99, ("optimizer.lr", "0.001"), ("optimizer.name", "adam"));
        Run("other", 0.50, ("dropout", "0.1"));
        index.Flush();
    }

    [Fact]
    public void The_file_stands_for_the_runs_that_record_every_matched_key()
    {
        var file = index.Results.ForDocument(Document(("optimizer.lr", "0.001"), ("optimizer.name", "adam"), ("epochs", "10")));

        Assert.Equal((3, 3), (file.Runs, file.MatchedKeys));
        Assert.Equal(["c", "b", "a"], file.RunIds.Select(id => names[id]));
        Assert.Equal(("c", 0.95), (file.BestRun!.Name, file.BestRun.Metric));
        Assert.Equal(["b", "a"], file.SameValues.Select(r => r.Name));
    }

    [Fact]
    public void Keys_that_match_nothing_and_sections_do_not_narrow_the_runs()
    {
        var document = new ConfigDocument(ConfigSyntax.Yaml,
        [
            Section("optimizer"),
            Scalar("optimizer.lr", "1e-3", 1),
            Scalar("scheduler.name", "cosine", 2),
            Scalar("optimizer.lr", "0.5", 3),
        ]);

        var file = index.Results.ForDocument(document);

        Assert.Equal((4, 1), (file.Runs, file.MatchedKeys));
        Assert.Equal(["no-epochs", "b", "a"], file.SameValues.Select(r => r.Name));
    }

    [Fact]
    public void Keys_no_run_records_together_give_the_runs_that_record_the_most_of_them()
    {
        var file = index.Results.ForDocument(Document(("dropout", "0.1"), ("optimizer.lr", "0.001")));

        Assert.Equal((5, 2, 1), (file.Runs, file.MatchedKeys, file.RecordedKeys));
        Assert.Equal(("no-epochs", 0.99), (file.BestRun!.Name, file.BestRun.Metric));
        Assert.Equal(["no-epochs", "c", "b", "a", "other"], file.RunIds.Select(id => names[id]));
        Assert.Empty(file.SameValues);
    }

    [Fact]
    public void Of_keys_recorded_by_different_runs_the_most_recorded_together_count()
    {
        var file = index.Results.ForDocument(Document(("dropout", "0.1"), ("optimizer.lr", "0.001"), ("epochs", "10")));

        Assert.Equal((3, 3, 2), (file.Runs, file.MatchedKeys, file.RecordedKeys));
        Assert.Equal(["c", "b", "a"], file.RunIds.Select(id => names[id]));
    }

    [Fact]
    public void A_file_no_key_of_which_runs_record_stands_for_no_runs()
    {
        var file = index.Results.ForDocument(Document(("model.depth", "50")));

        Assert.Equal((0, 0), (file.Runs, file.MatchedKeys));
        Assert.Equal(0, index.Results.DocumentReads);
    }

    [Fact]
    public void Hydra_choices_narrow_the_runs_by_their_tag()
    {
        index.Add(Params(("optimizer.lr", "0.001")), Acc(0.6), RunStatus.Finished, new Dictionary<string, string> { ["hydra.choice.model"] = "ResNet" });
        index.Add(Params(("optimizer.lr", "0.001")), Acc(0.8), RunStatus.Finished, new Dictionary<string, string> { ["hydra.choice.model"] = "vit" });
        index.Flush();
        index.MoveVersion();
        var document = new ConfigDocument(ConfigSyntax.Yaml, [HydraDefault("model", "resnet"), Scalar("optimizer.lr", "0.001", 1)]);

        var file = index.Results.ForDocument(document);

        Assert.Equal((2, 2), (file.Runs, file.MatchedKeys));
        Assert.Equal(0.6, Assert.Single(file.SameValues).Metric);
    }

    [Fact]
    public void A_file_with_more_keys_than_the_bound_is_judged_by_the_keys_fewest_runs_record()
    {
        var keys = Enumerable.Range(0, ConfigResults.MaxDocumentKeys + 36).Select(i => $"section{i / 10}.key{i}").ToList();
        var everyKey = keys.ToDictionary(k => k, _ => "1", StringComparer.Ordinal);
        var commonKeys = keys.Skip(1).ToDictionary(k => k, _ => "1", StringComparer.Ordinal);
        names[index.Add(everyKey, Acc(0.4), name: "all-keys")] = "all-keys";
        index.Add(commonKeys, Acc(0.8));
        index.Add(commonKeys, Acc(0.9));
        index.Flush();
        index.MoveVersion();

        var file = index.Results.ForDocument(Document([.. keys.Select(k => (k, "1"))]));

        Assert.Equal((1, ConfigResults.MaxDocumentKeys), (file.Runs, file.MatchedKeys));
        Assert.Equal("all-keys", file.BestRun!.Name);
    }

    private void Run(string name, double acc, params (string Key, string Value)[] parameters) =>
        names[index.Add(Params(parameters), Acc(acc), name: name)] = name;

    private static ConfigDocument Document(params (string Key, string Value)[] entries) =>
        new(ConfigSyntax.Yaml, [.. entries.Select((e, line) => Scalar(e.Key, e.Value, line))]);

    public void Dispose() => index.Dispose();
}
