using System.Globalization;
using IdeTracker.Core.Configs;
using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using static IdeTracker.Core.Tests.Configs.ConfigEntries;
using static IdeTracker.Core.Tests.Configs.ResultsIndex;

namespace IdeTracker.Core.Tests.Configs;

/// <summary>A key thousands of runs record: more than <see cref="IndexStore.DirectFactsLimit"/>, so the results are
/// judged against the whole-index run table, and must agree with what the generated runs say.</summary>
public sealed class ConfigResultsScaleTests : IClassFixture<ConfigResultsScaleTests.ManyRuns>
{
    private const int Runs = 6_000;
    private readonly ManyRuns many;

    public ConfigResultsScaleTests(ManyRuns many) => this.many = many;

    [Fact]
    public void Every_value_of_a_key_thousands_of_runs_record_agrees_with_the_runs()
    {
        var results = many.Index.Results.ForEntry(Scalar("optimizer.lr", "0.001"));

        Assert.Equal(Runs, results.Runs);
        Assert.Equal(many.Expected.Keys.Order(), results.Values.Select(v => v.Number!.Value));
        foreach (var value in results.Values)
        {
            var expected = many.Expected[value.Number!.Value];
            var withMetric = expected.Where(r => r.Acc is not null).ToList();
            Assert.Equal(expected.Count, value.Runs);
            Assert.Equal(expected.Count(r => r.Failed), value.Failed);
            Assert.Equal(withMetric.Max(r => r.Acc), value.Best);
            Assert.Equal(withMetric.Average(r => r.Acc!.Value), value.Mean!.Value, 9);
            Assert.Equal(IndexStore.MaxRunIdsPerValue, value.RunIds.Count);
            Assert.Equal(value.BestRun!.Id, value.RunIds[0]);
            Assert.Equal(value.Best, value.BestRun.Metric);
            var ranked = value.RunIds.Select(id => many.AccById[id]).ToList();
            Assert.Equal(ranked.OrderByDescending(a => a ?? double.NegativeInfinity), ranked);
        }
    }

    [Fact]
    public void The_table_path_and_the_by_run_path_give_the_same_values()
    {
        var viaTable = many.Index.Store.GetValueResults(ValueSource.Param, "optimizer.lr", ValAcc, () => many.Index.Store.LoadRunResults(ValAcc));
        var oneValue = many.Index.Store.GetValueResults(ValueSource.Param, "bucket", ValAcc);

        Assert.Equal(Runs, viaTable.Sum(v => v.Runs));
        var small = Assert.Single(oneValue);
        Assert.True(small.Runs <= IndexStore.DirectFactsLimit);
        var expected = many.Expected.Values.SelectMany(r => r).Where(r => r.Bucket).ToList();
        Assert.Equal(expected.Count, small.Runs);
        Assert.Equal(expected.Where(r => r.Acc is not null).Max(r => r.Acc), small.Best);
        Assert.Equal(expected.Count(r => r.Failed), small.Failed);
    }

    [Fact]
    public void A_document_whose_keys_thousands_of_runs_record_finds_the_runs_with_its_values()
    {
        var document = new ConfigDocument(ConfigSyntax.Yaml, [Scalar("optimizer.lr", "1e-3", 0), Scalar("optimizer.name", "ADAM", 1)]);

        var file = many.Index.Results.ForDocument(document);

        var same = many.Expected[0.001].Where(r => r.Optimizer == "adam").ToList();
        Assert.Equal((Runs, 2), (file.Runs, file.MatchedKeys));
        Assert.Equal(Math.Min(same.Count, IndexStore.MaxRunIdsPerValue), file.SameValues.Count);
        Assert.All(file.SameValues, r => Assert.Contains(r.Id, same.Select(s => s.Id)));
        Assert.Equal(many.Expected.Values.SelectMany(r => r).Max(r => r.Acc), file.BestRun!.Metric);
        Assert.Equal(IndexStore.MaxRunIdsPerValue, file.RunIds.Count);
    }

    /// <summary>6,000 runs: ten learning rates, two spellings each, one run in seven without val_acc, a sixth failed.</summary>
    public sealed class ManyRuns : IDisposable
    {
        private static readonly double[] Rates = [1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3];
        private static readonly string[] Optimizers = ["adam", "sgd", "adamw"];

        public ManyRuns()
        {
            var random = new Random(6);
            var byRate = new Dictionary<double, List<Expectation>>();
            for (var i = 0; i < Runs; i++)
            {
                var rate = Rates[random.Next(Rates.Length)];
                var optimizer = Optimizers[random.Next(Optimizers.Length)];
                double? acc = i % 7 == 0 ? null : Math.Round(random.NextDouble(), 6);
                var failed = i % 6 == 0;
                var bucket = i % 20 == 0;
                var parameters = Params(
                    ("optimizer.lr", rate.ToString(i % 2 == 0 ? "R" : "0.#e0", CultureInfo.InvariantCulture)),
                    ("optimizer.name", optimizer));
                if (bucket)
                {
                    parameters["bucket"] = "yes";
                }

                var id = Index.Add(parameters, acc is { } a ? Acc(a / 2, a) : null, failed ? RunStatus.Failed : RunStatus.Finished);
                if (!byRate.TryGetValue(rate, out var list))
                {
                    byRate[rate] = list = [];
                }

                list.Add(new Expectation(id, optimizer, acc, failed, bucket));
                AccById[id] = acc;
            }

            Index.Flush();
            Expected = byRate;
        }

        public ResultsIndex Index { get; } = new();

        public IReadOnlyDictionary<double, List<Expectation>> Expected { get; }

        public Dictionary<string, double?> AccById { get; } = [];

        public void Dispose() => Index.Dispose();
    }

    public sealed record Expectation(string Id, string Optimizer, double? Acc, bool Failed, bool Bucket);
}
