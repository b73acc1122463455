using IdeTracker.Core.Indexing;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Tests.Indexing;

public sealed class WorkspaceIndexerTests : IDisposable
{
    private readonly FakeWorkspace ws = new();

    [Fact]
    public void A_first_scan_reads_every_unit_and_a_second_reads_none()
    {
        string[] names = ["a", "b", "c", "d", "e"];
        foreach (var name in names)
        {
            ws.AddUnit(name);
        }

        var first = ws.Scan();
        var second = ws.Scan();

        Assert.Equal((5, 5, 0, 5), (first.UnitsSeen, first.UnitsRead, first.UnitsRemoved, first.RunsWritten));
        Assert.Equal(names.Select(ws.RunId).Order(StringComparer.Ordinal), first.ChangedRunIds);
        Assert.Equal((5, 0, 0, 0), (second.UnitsSeen, second.UnitsRead, second.UnitsRemoved, second.RunsWritten));
        Assert.Empty(second.ChangedRunIds);
        Assert.Equal(5, ws.Reader.TotalReads);
        Assert.Equal("0.1", ws.Store.GetRunDetails(ws.RunId("c"), null)!.Params["lr"]);
        Assert.Equal(0.75, ws.Store.GetRunDetails(ws.RunId("c"), null)!.Metrics["score"].Last);
    }

    [Fact]
    public void Touching_one_file_re_reads_exactly_that_unit()
    {
        ws.AddUnit("a");
        var b = ws.AddUnit("b");
        ws.AddUnit("c");
        ws.Scan();

        FakeWorkspace.Touch(Path.Combine(b, "run.txt"));
        var touched = ws.Scan();
        File.AppendAllLines(Path.Combine(b, "run.txt"), ["batch=64"]);
        var grown = ws.Scan();

        Assert.Equal(1, touched.UnitsRead);
        Assert.Equal([ws.RunId("b")], touched.ChangedRunIds);
        Assert.Equal(1, grown.UnitsRead);
        Assert.Equal(3, ws.Reader.ReadsOf(b));
        Assert.Equal(1, ws.Reader.ReadsOf(ws.UnitPath("a")));
        Assert.Equal("64", ws.Store.GetRunDetails(ws.RunId("b"), null)!.Params["batch"]);
    }

    [Fact]
    public void Deleting_a_unit_folder_removes_its_runs()
    {
        ws.AddUnit("a");
        var b = ws.AddUnit("b");
        ws.Scan();

        Directory.Delete(b, recursive: true);
        var result = ws.Scan();

        Assert.Equal((1, 0, 1), (result.UnitsSeen, result.UnitsRead, result.UnitsRemoved));
        Assert.Equal([ws.RunId("b")], result.ChangedRunIds);
        Assert.Null(ws.Store.GetRunDetails(ws.RunId("b"), null));
        Assert.Equal([ws.UnitPath("a")], ws.Store.LoadUnits().Keys);
    }

    [Fact]
    public void A_reader_that_throws_becomes_a_problem_on_its_unit_and_the_scan_carries_on()
    {
        ws.AddUnit("a");
        var bad = ws.AddUnit("bad");
        File.WriteAllText(Path.Combine(bad, "boom"), "");

        var first = ws.Scan();
        var problems = ws.Store.GetProblems();
        var again = ws.Scan();
        File.Delete(Path.Combine(bad, "boom"));
        var fixedUp = ws.Scan();

        Assert.Equal((2, 1), (first.UnitsRead, first.RunsWritten));
        Assert.Equal(new Problem(bad, 0, "internal error reading fake unit: boom"), Assert.Single(problems));
        Assert.Equal(0, again.UnitsRead);
        Assert.Equal(2, ws.Reader.ReadsOf(bad));
        Assert.Equal(1, fixedUp.UnitsRead);
        Assert.Empty(ws.Store.GetProblems());
        Assert.NotNull(ws.Store.GetRunDetails(ws.RunId("bad"), null));
    }

    [Fact]
    public void Discovery_problems_and_units_without_a_reader_are_replaced_every_scan()
    {
        ws.AddUnit("a");
        ws.Discovery.Problems.Add(new Problem(Path.Combine(ws.Root, "locked"), 0, "permission denied"));
        ws.Discovery.ExtraUnits.Add(new RunUnit("tensorboard", Path.Combine(ws.Root, "tb"), Path.Combine(ws.Root, "tb"), ws.Root));
        ws.Scan();
        var first = ws.Store.GetProblems().Select(p => p.Message).ToList();

        ws.Discovery.Problems.Clear();
        ws.Scan();

        Assert.Equal(["permission denied", "no reader for tensorboard units"], first);
        Assert.Equal(["no reader for tensorboard units"], ws.Store.GetProblems().Select(p => p.Message));
    }

    [Fact]
    public void Progress_ends_with_every_unit_done()
    {
        for (var i = 0; i < 12; i++)
        {
            ws.AddUnit($"u{i:D2}");
        }

        ws.Scan();
        FakeWorkspace.Touch(Path.Combine(ws.UnitPath("u03"), "run.txt"));
        var reports = new List<IndexProgress>();
        ws.Scan(new SynchronousProgress(reports));

        Assert.Equal(new IndexProgress(11, 12, null), reports[0]);
        Assert.Equal(new IndexProgress(12, 12, ws.UnitPath("u03")), reports[^1]);
    }

    [Fact]
    public void Cancelling_a_large_scan_keeps_whole_batches_and_the_next_scan_finishes_the_rest()
    {
        const int units = 1200;
        for (var i = 0; i < units; i++)
        {
            ws.AddUnit($"u{i:D4}");
        }

        using var cancel = new CancellationTokenSource();
        var started = 0;
        ws.Reader.BeforeRead = _ =>
        {
            if (Interlocked.Increment(ref started) == 700)
            {
                cancel.Cancel();
            }
        };

        Assert.ThrowsAny<OperationCanceledException>(() => ws.Scan(cancellationToken: cancel.Token));
        ws.Reader.BeforeRead = null;
        var kept = ws.Store.LoadUnits();
        var keptRuns = ws.Store.GetRuns("fake:store", null, null, 0, 1, null).Total;
        var rest = ws.Scan();

        Assert.InRange(kept.Count, 0, 700);
        Assert.Equal(kept.Count, keptRuns);
        Assert.Equal(3, Index.TestRuns.Count(ws.Store.DatabasePath, "SELECT count(*) FROM sqlite_master WHERE name IN ('params_key_num', 'params_key_text', 'metric_summaries_key_last')"));
        Assert.Equal(units - kept.Count, rest.UnitsRead);
        Assert.Equal(units, ws.Store.GetRuns("fake:store", null, null, 0, 1, null).Total);
        Assert.Equal(units, ws.Store.GetMetricKeyCounts().Single().RunCount);
    }

    public void Dispose() => ws.Dispose();

    private sealed class SynchronousProgress(List<IndexProgress> reports) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
