using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Index;

/// <summary>The units the server watches itself: those with a run still being written.</summary>
public sealed class IndexStoreLiveUnitsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory temp = new();
    private readonly IndexStore store;

    public IndexStoreLiveUnitsTests()
    {
        store = TestRuns.OpenStore(temp);
        Write("running-now", RunStatus.Running, Now);
        Write("running-earlier", RunStatus.Running, Now.AddMinutes(-3));
        Write("unknown-recent", RunStatus.Unknown, Now.AddMinutes(-1));
        Write("finished-now", RunStatus.Finished, Now);
        Write("running-stale", RunStatus.Running, Now.AddHours(-2));
    }

    public void Dispose()
    {
        store.Dispose();
        temp.Dispose();
    }

    [Fact]
    public void Units_with_a_run_not_finished_and_written_recently_come_newest_first()
    {
        var live = store.FindLiveUnitPaths(Now.AddMinutes(-5), 10);

        Assert.Equal(["running-now", "unknown-recent", "running-earlier"], live.Select(Path.GetFileName));
    }

    [Fact]
    public void At_most_the_limit_is_returned()
    {
        Assert.Equal(["running-now", "unknown-recent"], store.FindLiveUnitPaths(Now.AddMinutes(-5), 2).Select(Path.GetFileName));
    }

    private void Write(string name, RunStatus status, DateTimeOffset written)
    {
        var unit = TestRuns.Unit(store.WorkspaceRoot, name);
        var run = TestRuns.Run(unit, name);
        var live = new Run
        {
            Id = run.Id,
            Source = run.Source,
            NativeId = run.NativeId,
            StorePath = run.StorePath,
            Name = run.Name,
            Directory = run.Directory,
            Status = status,
        };
        var result = TestRuns.Result(live);
        result.Files.Add(new FileStamp(Path.Combine(unit.Path, "meta.yaml"), 100, written.AddHours(-3).UtcTicks));
        result.Files.Add(new FileStamp(Path.Combine(unit.Path, "metrics", "loss"), 100, written.UtcTicks));
        store.WriteUnits([(unit, result)]);
    }
}
