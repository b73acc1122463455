using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Sacred;

namespace IdeTracker.Core.Tests.Readers.Sacred;

/// <summary>Statuses and times on generated run.json files (the corpus has only COMPLETED and FAILED runs). The
/// reader's clock is fixed at <see cref="SacredRunFolder.Now"/>, 2024-03-01 12:00 UTC.</summary>
public sealed class SacredRunStatusTests : IDisposable
{
    private readonly SacredRunFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("COMPLETED", RunStatus.Finished)]
    [InlineData("FAILED", RunStatus.Failed)]
    [InlineData("INTERRUPTED", RunStatus.Killed)]
    [InlineData("TIMEOUT", RunStatus.Killed)]
    public void A_finished_run_ends_at_its_stop_time(string word, RunStatus status)
    {
        _folder.WithRun(SacredRunFolder.RunJsonText(status: word));

        var result = _folder.Read();

        var run = Assert.Single(result.Runs);
        Assert.Empty(result.Problems);
        Assert.Equal(status, run.Status);
        Assert.Equal(word, run.Tags["sacred.status"]);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(10), run.StartTime);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 11, 0, 0, 500, TimeSpan.Zero), run.EndTime);
    }

    [Fact]
    public void A_queued_run_is_scheduled_and_has_no_times()
    {
        // queued_event writes no start_time, heartbeat or host.
        _folder.WithRun("""
            {"command": "main", "experiment": {"name": "gen"}, "meta": {"command": "main", "options": {"--queue": true}}, "status": "QUEUED"}
            """);

        var run = Assert.Single(_folder.Read().Runs);

        Assert.Equal(RunStatus.Scheduled, run.Status);
        Assert.Null(run.StartTime);
        Assert.Null(run.EndTime);
        Assert.Null(run.Host);
        Assert.Equal("--queue", run.Command);
    }

    [Fact]
    public void A_running_run_that_beat_a_minute_ago_is_running_with_no_end()
    {
        _folder.WithRun(SacredRunFolder.RunJsonText(status: "RUNNING", stop: null, heartbeat: "2024-03-01T11:59:00"));

        var run = Assert.Single(_folder.Read().Runs);

        Assert.Equal(RunStatus.Running, run.Status);
        Assert.Null(run.EndTime);
    }

    [Fact]
    public void A_running_run_whose_heartbeat_stopped_long_ago_was_killed_at_its_last_heartbeat()
    {
        // 20 minutes before "now": longer than SacredStatus.StaleAfter (15 minutes).
        _folder.WithRun(SacredRunFolder.RunJsonText(status: "RUNNING", stop: null, heartbeat: "2024-03-01T11:40:00"));

        var run = Assert.Single(_folder.Read().Runs);

        Assert.Equal(RunStatus.Killed, run.Status);
        Assert.Equal("RUNNING", run.Tags["sacred.status"]);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 11, 40, 0, TimeSpan.Zero), run.EndTime);
    }

    [Fact]
    public void A_running_run_that_never_beat_is_judged_by_its_start()
    {
        _folder.WithRun(SacredRunFolder.RunJsonText(status: "RUNNING", start: "2024-03-01T11:50:00", stop: null, heartbeat: null));
        Assert.Equal(RunStatus.Running, Assert.Single(_folder.Read().Runs).Status);

        _folder.WithRun(SacredRunFolder.RunJsonText(status: "RUNNING", start: "2024-03-01T09:00:00", stop: null, heartbeat: null));
        var stale = Assert.Single(_folder.Read().Runs);
        Assert.Equal(RunStatus.Killed, stale.Status);
        Assert.Null(stale.EndTime);
    }

    [Fact]
    public void The_stale_rule_is_measured_from_the_clock_it_is_given()
    {
        _folder.WithRun(SacredRunFolder.RunJsonText(status: "RUNNING", stop: null, heartbeat: "2024-03-01T11:40:00"));

        var early = new SacredRunReader(new Clock(new DateTimeOffset(2024, 3, 1, 11, 41, 0, TimeSpan.Zero))).Read(_folder.Unit, CancellationToken.None);

        Assert.Equal(RunStatus.Running, Assert.Single(early.Runs).Status);
    }

    [Fact]
    public void A_time_with_a_zone_is_converted_to_utc()
    {
        _folder.WithRun(SacredRunFolder.RunJsonText(start: "2024-03-01T12:00:00+02:00"));

        var run = Assert.Single(_folder.Read().Runs);

        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), run.StartTime);
        Assert.Equal(TimeSpan.Zero, run.StartTime!.Value.Offset);
    }

    [Fact]
    public void An_unknown_status_and_a_bad_time_are_located_problems_and_the_run_is_still_read()
    {
        _folder.WithRun(SacredRunFolder.RunJsonText(status: "PAUSED", start: "yesterday"));

        var result = _folder.Read();

        var run = Assert.Single(result.Runs);
        Assert.Equal(RunStatus.Unknown, run.Status);
        Assert.Null(run.StartTime);
        var lines = File.ReadAllLines(_folder.RunJson);
        Assert.Collection(
            result.Problems.OrderBy(p => p.Line),
            p =>
            {
                Assert.Equal(_folder.RunJson, p.Path);
                Assert.Contains("\"start_time\"", lines[p.Line - 1]);
                Assert.Contains("'yesterday' is not an ISO 8601 time", p.Message);
            },
            p =>
            {
                Assert.Contains("\"status\"", lines[p.Line - 1]);
                Assert.Contains("'PAUSED'", p.Message);
            });
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
