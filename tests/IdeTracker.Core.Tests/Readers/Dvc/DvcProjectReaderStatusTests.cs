using IdeTracker.Core.Model;

namespace IdeTracker.Core.Tests.Readers.Dvc;

/// <summary>The workspace run is Running while DVC's .dvc/tmp/rwlock names a live process writing into the
/// project (as `dvc exp run` leaves it mid-stage), else Unknown. The lock files are generated; the live pid is
/// this test process's own.</summary>
public sealed class DvcProjectReaderStatusTests : IDisposable
{
    private const string Lock = ".dvc/tmp/rwlock";

    private readonly ProjectFolderFixture _project = new();

    public DvcProjectReaderStatusTests()
    {
        Directory.CreateDirectory(_project.PathOf(".dvc"));
        _project.Write("dvclive/plots/metrics/loss.tsv", "timestamp\tstep\tloss\n1700000000000\t0\t0.9\n");
    }

    public void Dispose() => _project.Dispose();

    [Fact]
    public void A_live_process_writing_into_the_project_makes_it_running()
    {
        WriteLock(Environment.ProcessId, _project.PathOf("dvclive"));

        var run = Assert.Single(_project.Read().Runs);

        Assert.Equal(RunStatus.Running, run.Status);
        Assert.Null(run.EndTime);
        Assert.Equal("dvc exp run", run.Command);
        Assert.Contains(_project.Reader.Stamp(_project.Unit), s => s.Path == _project.PathOf(Lock));
    }

    [Fact]
    public void A_relative_output_path_counts_too()
    {
        WriteLock(Environment.ProcessId, "dvclive/plots");

        Assert.Equal(RunStatus.Running, Assert.Single(_project.Read().Runs).Status);
    }

    [Fact]
    public void A_lock_left_by_a_process_that_is_gone_is_not_running()
    {
        WriteLock(DeadPid(), _project.PathOf("dvclive"));

        var run = Assert.Single(_project.Read().Runs);

        Assert.Equal(RunStatus.Unknown, run.Status);
        Assert.NotNull(run.EndTime);
    }

    [Fact]
    public void A_lock_on_another_folder_or_an_emptied_lock_is_not_running()
    {
        WriteLock(Environment.ProcessId, Path.Combine(_project.Root, "elsewhere"));
        Assert.Equal(RunStatus.Unknown, Assert.Single(_project.Read().Runs).Status);

        _project.Write(Lock, "{}");
        Assert.Equal(RunStatus.Unknown, Assert.Single(_project.Read().Runs).Status);
    }

    [Fact]
    public void A_damaged_lock_is_a_problem_and_not_running()
    {
        _project.Write(Lock, "{\"write\": {");

        var result = _project.Read();

        Assert.Equal(RunStatus.Unknown, Assert.Single(result.Runs).Status);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(_project.PathOf(Lock), problem.Path);
    }

    [Fact]
    public void The_lock_appearing_or_emptying_changes_the_stamps()
    {
        var none = _project.Reader.Stamp(_project.Unit);
        WriteLock(Environment.ProcessId, _project.PathOf("dvclive"));
        var held = _project.Reader.Stamp(_project.Unit);
        _project.Write(Lock, "{}");
        var released = _project.Reader.Stamp(_project.Unit);

        Assert.NotEqual(none, held);
        Assert.NotEqual(held, released);
    }

    private void WriteLock(int pid, string output)
    {
        var holder = $"{{\"pid\": {pid}, \"cmd\": \"dvc exp run\"}}";
        _project.Write(Lock, $"{{\"write\": {{\"{output}\": {holder}}}, \"read\": {{\"{_project.PathOf("params.yaml")}\": [{holder}]}}}}");
    }

    /// <summary>A pid no process has now: above every running one, below the kernel's limit.</summary>
    private static int DeadPid()
    {
        var pid = 4_000_000;
        while (Directory.Exists($"/proc/{pid}"))
        {
            pid++;
        }

        return pid;
    }
}
