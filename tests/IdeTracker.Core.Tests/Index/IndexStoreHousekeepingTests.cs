using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Index;

/// <summary>What time alone changes: runs that leave the live window, and running runs quiet long enough for their
/// readers to change their verdict, found from the index without touching the disk.</summary>
public sealed class IndexStoreHousekeepingTests : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(16);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly TempDirectory temp = new();
    private readonly IndexStore store;

    public IndexStoreHousekeepingTests() => store = TestRuns.OpenStore(temp);

    public void Dispose()
    {
        store.Dispose();
        temp.Dispose();
    }

    [Fact]
    public void A_running_run_comes_up_when_quiet_long_enough_unless_it_was_read_after_going_quiet()
    {
        var now = DateTimeOffset.UtcNow;
        var quietRunning = Write("a", RunStatus.Running, lastWrite: now - TimeSpan.FromMinutes(10));
        Write("b", RunStatus.Finished, lastWrite: now - TimeSpan.FromMinutes(10));
        var recentRunning = Write("c", RunStatus.Running, lastWrite: now - TimeSpan.FromMinutes(1));

        // Read (now) 20 minutes after its last write: its reader already judged it after a full quiet spell.
        Write("d", RunStatus.Running, lastWrite: now - TimeSpan.FromMinutes(20));

        Assert.Empty(store.FindStaleRunningUnits(now, Quiet));

        // Ten minutes on, run a has been silent for 20 and was read within its first 16; run c for only 11.
        Assert.Equal([quietRunning.Path], store.FindStaleRunningUnits(now.AddMinutes(10), Quiet));
        Assert.Equal([quietRunning.Path, recentRunning.Path], store.FindStaleRunningUnits(now.AddMinutes(20), Quiet));
    }

    [Fact]
    public void Runs_leave_the_live_window_exactly_once_and_only_if_their_status_is_not_final()
    {
        var now = DateTimeOffset.UtcNow;
        var unknown = Write("a", RunStatus.Unknown, lastWrite: now - TimeSpan.FromMinutes(4));
        Write("b", RunStatus.Finished, lastWrite: now - TimeSpan.FromMinutes(4));
        var running = Write("c", RunStatus.Running, lastWrite: now - TimeSpan.FromMinutes(2));

        Assert.Empty(store.FindRunsLeavingLive(now, now.AddSeconds(30), Window));
        Assert.Equal([IdOf(unknown)], store.FindRunsLeavingLive(now, now.AddMinutes(1.5), Window));
        Assert.Equal([IdOf(running)], store.FindRunsLeavingLive(now.AddMinutes(1.5), now.AddMinutes(4), Window));
        Assert.Empty(store.FindRunsLeavingLive(now.AddMinutes(4), now.AddMinutes(60), Window));
    }

    private RunUnit Write(string name, RunStatus status, DateTimeOffset lastWrite)
    {
        var unit = TestRuns.Unit(store.WorkspaceRoot, name);
        store.WriteUnits([(unit, Result(unit, status, lastWrite))]);
        return unit;
    }

    private static UnitReadResult Result(RunUnit unit, RunStatus status, DateTimeOffset lastWrite)
    {
        var run = TestRuns.Run(unit, Path.GetFileName(unit.Path));
        var result = TestRuns.Result(new Run
        {
            Id = run.Id,
            Source = run.Source,
            NativeId = run.NativeId,
            StorePath = run.StorePath,
            Name = run.Name,
            Directory = run.Directory,
            Status = status,
        });
        result.Files.Add(new FileStamp(Path.Combine(unit.Path, "meta.yaml"), 10, lastWrite.UtcTicks));
        return result;
    }

    private static string IdOf(RunUnit unit) => TestRuns.Run(unit, Path.GetFileName(unit.Path)).Id;
}
