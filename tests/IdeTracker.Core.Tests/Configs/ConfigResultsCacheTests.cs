using IdeTracker.Core.Configs;
using static IdeTracker.Core.Tests.Configs.ConfigEntries;
using static IdeTracker.Core.Tests.Configs.ResultsIndex;

namespace IdeTracker.Core.Tests.Configs;

public sealed class ConfigResultsCacheTests : IDisposable
{
    private readonly ResultsIndex index = new();

    public ConfigResultsCacheTests()
    {
        index.Add(Params(("lr", "0.1"), ("batch", "32")), Acc(0.5));
        index.Add(Params(("lr", "0.2"), ("batch", "64")), Acc(0.6));
        index.Flush();
    }

    [Fact]
    public void Asking_again_at_the_same_version_reads_nothing_from_the_index()
    {
        var first = index.Results.ForEntry(Scalar("lr", "0.1"));
        var again = index.Results.ForEntry(Scalar("lr", "0.2", line: 7));
        var document = new ConfigDocument(ConfigSyntax.Yaml, [Scalar("lr", "0.1"), Scalar("batch", "32", 1)]);
        index.Results.ForDocument(document);
        index.Results.ForDocument(document);

        Assert.Same(first.Values, again.Values);
        Assert.Equal((1, 1, 1), (index.Results.CatalogReads, index.Results.KeyReads, index.Results.DocumentReads));
    }

    [Fact]
    public void A_run_written_without_a_version_move_stays_unseen_and_shows_once_the_version_moves()
    {
        index.Results.ForEntry(Scalar("lr", "0.1"));
        index.Add(Params(("lr", "0.1"), ("dropout", "0.3")), Acc(0.9));
        index.Flush();

        var cached = index.Results.ForEntry(Scalar("lr", "0.1"));
        var newKeyBefore = index.Results.ForEntry(Scalar("dropout", "0.3"));
        index.MoveVersion();
        var fresh = index.Results.ForEntry(Scalar("lr", "0.1"));
        var newKeyAfter = index.Results.ForEntry(Scalar("dropout", "0.3"));

        Assert.Equal((1, 0.5), (cached.Find("0.1")!.Runs, cached.Find("0.1")!.Best));
        Assert.Equal((2, 0.9), (fresh.Find("0.1")!.Runs, fresh.Find("0.1")!.Best));
        Assert.Equal(KeyMatchKind.NotFound, newKeyBefore.Match.Kind);
        Assert.Equal(KeyMatchKind.Exact, newKeyAfter.Match.Kind);
        Assert.Equal(2, index.Results.CatalogReads);
    }

    [Fact]
    public void A_change_of_main_metric_reads_the_results_again()
    {
        index.Add(Params(("lr", "0.1")), MetricSeries("val_loss", 0.2));
        index.Flush();
        index.MoveVersion();
        var byAcc = index.Results.ForEntry(Scalar("lr", "0.1"));

        index.Metric = ValLoss;
        var byLoss = index.Results.ForEntry(Scalar("lr", "0.1"));

        Assert.Equal((ValAcc, 0.5), (byAcc.Metric, byAcc.Find("0.1")!.Best));
        Assert.Equal((ValLoss, 0.2), (byLoss.Metric, byLoss.Find("0.1")!.Best));
        Assert.Equal(2, index.Results.KeyReads);
    }

    [Fact]
    public void Concurrent_hovers_on_one_key_read_it_once_and_agree()
    {
        index.MoveVersion();
        var results = new KeyResults[16];

        Parallel.For(0, results.Length, i => results[i] = index.Results.ForEntry(Scalar("lr", "0.1")));

        Assert.All(results, r => Assert.Same(results[0].Values, r.Values));
        Assert.Equal(1, index.Results.KeyReads);
    }

    [Fact]
    public void More_keys_than_the_cache_holds_drop_the_least_recently_used()
    {
        var keys = Enumerable.Range(0, ConfigResults.MaxCachedKeys + 1).Select(i => "k" + i).ToList();
        index.Add(keys.ToDictionary(k => k, _ => "1", StringComparer.Ordinal), Acc(0.1));
        index.Flush();
        index.MoveVersion();

        foreach (var key in keys)
        {
            index.Results.ForEntry(Scalar(key, "1"));
        }

        var afterFill = index.Results.KeyReads;
        index.Results.ForEntry(Scalar(keys[^1], "1"));
        var recentHit = index.Results.KeyReads;
        index.Results.ForEntry(Scalar(keys[0], "1"));

        Assert.Equal(keys.Count, afterFill);
        Assert.Equal(afterFill, recentHit);
        Assert.Equal(afterFill + 1, index.Results.KeyReads);
    }

    public void Dispose() => index.Dispose();
}
