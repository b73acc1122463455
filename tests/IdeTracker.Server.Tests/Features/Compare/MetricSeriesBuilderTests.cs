using IdeTracker.Core.Model;
using IdeTracker.Server.Features.Compare;
using IdeTracker.Server.Protocol;

namespace IdeTracker.Server.Tests.Features.Compare;

public sealed class MetricSeriesBuilderTests : IDisposable
{
    private readonly IndexFixture _index = new();
    private readonly Run _a;
    private readonly Run _b;

    public MetricSeriesBuilderTests()
    {
        _a = _index.NewRun("a");
        _b = _index.NewRun("b", startOffsetMs: 1000);
        _a.Metrics["loss"] = IndexFixture.Points([.. Enumerable.Range(0, 12_000).Select(i => 1.0 / (i + 1))]);
        _a.Metrics["loss"][6_000] = _a.Metrics["loss"][6_000] with { Value = double.NaN };
        _a.Metrics["acc"] = IndexFixture.Points(0.1, 0.2, 0.3);
        _b.Metrics["acc"] = IndexFixture.Points(0.5, double.PositiveInfinity);
        _index.Write(_a, _b);
    }

    public void Dispose() => _index.Dispose();

    private MetricSeriesResult Build(string[] runIds, string[] keys, int? maxPoints = null, CancellationToken cancellationToken = default) =>
        new MetricSeriesBuilder(_index.Store, _index.Log.Add).Build(
            new MetricSeriesParams { RunIds = runIds, Keys = keys, MaxPoints = maxPoints }, cancellationToken);

    [Fact]
    public void Series_come_runs_first_then_keys_in_the_order_asked_skipping_what_is_not_there()
    {
        var result = Build([_b.Id, "nope", _a.Id], ["acc", "loss", "bleu"]);

        Assert.Equal([(_b.Id, "acc"), (_a.Id, "acc"), (_a.Id, "loss")], result.Series.Select(s => (s.RunId, s.Key)));
    }

    [Fact]
    public void A_short_series_is_sent_whole_with_steps_wall_times_and_non_finite_values()
    {
        var acc = Build([_b.Id], ["acc"]).Series.Single();

        Assert.Equal([0L, 1L], acc.Steps);
        Assert.Equal([IndexFixture.StartMs, IndexFixture.StartMs + 1000], acc.WallTimes);
        Assert.Equal([0.5, double.PositiveInfinity], acc.Values);
        Assert.Equal(2, acc.Total);
    }

    [Fact]
    public void A_long_series_is_cut_to_two_thousand_points_by_default_keeping_its_nan_and_ends()
    {
        var loss = Build([_a.Id], ["loss"]).Series.Single();

        Assert.Equal(12_000, loss.Total);
        Assert.InRange(loss.Values.Count, 1_990, MetricSeriesBuilder.DefaultMaxPoints);
        Assert.Equal(loss.Values.Count, loss.Steps.Count);
        Assert.Equal(loss.Values.Count, loss.WallTimes.Count);
        Assert.Equal(0, loss.Steps[0]);
        Assert.Equal(11_999, loss.Steps[^1]);
        Assert.Equal(6_000, loss.Steps[loss.Values.ToList().FindIndex(double.IsNaN)]);
    }

    [Fact]
    public void Max_points_is_honoured_and_capped_at_ten_thousand()
    {
        Assert.True(Build([_a.Id], ["loss"], maxPoints: 100).Series.Single().Values.Count <= 100);
        Assert.Equal(MetricSeriesBuilder.MaxMaxPoints, Build([_a.Id], ["loss"], maxPoints: 50_000).Series.Single().Values.Count, tolerance: 4);
        Assert.True(Build([_a.Id], ["loss"], maxPoints: 0).Series.Single().Values.Count <= 4);
    }

    [Fact]
    public void A_damaged_series_is_skipped_and_logged_while_the_others_are_sent()
    {
        _index.Execute(
            "UPDATE metric_series SET blob = x'01ff' WHERE key = 'loss' AND run = (SELECT run FROM runs WHERE id = $id)",
            ("$id", _a.Id));

        var result = Build([_a.Id], ["loss", "acc"]);

        Assert.Equal(["acc"], result.Series.Select(s => s.Key));
        var message = Assert.Single(_index.Log, m => m.Contains("damaged"));
        Assert.Contains("loss", message);
        Assert.Contains(_a.Id, message);
    }

    [Fact]
    public void More_than_five_hundred_runs_or_fifty_keys_are_refused_saying_the_limits()
    {
        var runs = Enumerable.Range(0, 501).Select(i => $"r{i}").ToArray();
        var keys = Enumerable.Range(0, 51).Select(i => $"k{i}").ToArray();

        Assert.Contains("at most 500 runs and 50 keys", Assert.Throws<ArgumentException>(() => Build(runs, ["acc"])).Message);
        Assert.Contains("51 keys", Assert.Throws<ArgumentException>(() => Build([_a.Id], keys)).Message);
    }

    [Fact]
    public void A_cancelled_request_stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Build([_a.Id, _b.Id], ["loss", "acc"], cancellationToken: cancelled.Token));
    }
}
