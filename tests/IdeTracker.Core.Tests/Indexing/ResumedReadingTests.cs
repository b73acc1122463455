using IdeTracker.Core.Discovery;
using IdeTracker.Core.Index;
using IdeTracker.Core.Indexing;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Indexing;

/// <summary>The indexer hands a resumable reader where it stopped in a unit that changed before, so a run being
/// written costs only its new lines; full scans read whole and keep nothing.</summary>
public sealed class ResumedReadingTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly string root;
    private readonly string unitFolder;
    private readonly LineReader reader = new();
    private readonly IndexStore store;
    private readonly WorkspaceIndexer indexer;

    public ResumedReadingTests()
    {
        root = Directory.CreateDirectory(temp.Combine("ws")).FullName;
        unitFolder = Directory.CreateDirectory(Path.Combine(root, "store", "run1")).FullName;
        File.WriteAllLines(LogFile, ["0.5", "0.6"]);
        store = IndexStore.Open(temp.Combine("index.db"), root);
        indexer = new WorkspaceIndexer(store, new FakeWorkspace.FakeDiscovery(Path.Combine(root, "store")), [reader]);
    }

    private string LogFile => Path.Combine(unitFolder, "run.txt");

    public void Dispose()
    {
        store.Dispose();
        temp.Dispose();
    }

    [Fact]
    public void Each_change_after_the_first_reads_from_where_the_last_read_stopped()
    {
        indexer.IndexWorkspace(root, null, CancellationToken.None);
        Assert.Equal([-1], reader.ResumedFrom);

        File.AppendAllLines(LogFile, ["0.7"]);
        indexer.IndexPaths(root, [LogFile], CancellationToken.None);
        File.AppendAllLines(LogFile, ["0.8", "0.9"]);
        indexer.IndexPaths(root, [LogFile], CancellationToken.None);

        // The full scan and the first change read whole (-1); the next change starts after the three lines read.
        Assert.Equal([-1, -1, 3], reader.ResumedFrom);
        var loss = store.GetSeries(RunIds.Make("lines", "store", "run1"), "loss");
        Assert.Equal([0.5, 0.6, 0.7, 0.8, 0.9], loss.Select(p => p.Value));
    }

    [Fact]
    public void A_full_scan_after_changes_still_reads_whole()
    {
        indexer.IndexWorkspace(root, null, CancellationToken.None);
        File.AppendAllLines(LogFile, ["0.7"]);
        indexer.IndexPaths(root, [LogFile], CancellationToken.None);
        File.AppendAllLines(LogFile, ["0.8"]);

        indexer.IndexWorkspace(root, null, CancellationToken.None);

        Assert.Equal([-1, -1, -1], reader.ResumedFrom);
    }

    [Fact]
    public void The_cache_keeps_the_most_recent_units_within_its_bounds()
    {
        var cache = new ResumeCache(maxUnits: 2, maxBytes: 24 * 10);
        cache.Put("a", ResultWith("a", points: 2));
        cache.Put("b", ResultWith("b", points: 2));
        cache.Put("c", ResultWith("c", points: 2));
        Assert.Null(cache.Get("a"));
        Assert.NotNull(cache.Get("b"));
        Assert.NotNull(cache.Get("c"));

        // 2 + 9 points is over the 10 the bytes allow: the least recent goes.
        cache.Put("d", ResultWith("d", points: 9));
        Assert.Null(cache.Get("b"));
        Assert.Null(cache.Get("c"));
        Assert.NotNull(cache.Get("d"));

        // A resume too big on its own is not kept, and a read without one forgets the old one.
        cache.Put("e", ResultWith("e", points: 11));
        Assert.Null(cache.Get("e"));
        cache.Put("d", new UnitReadResult());
        Assert.Equal(0, cache.Count);
    }

    private static UnitReadResult ResultWith(string path, int points)
    {
        var result = new UnitReadResult { Resume = new LineResume { UnitPath = path, Run = LineReader.NewRun(new RunUnit("lines", path, path, path)), LinesRead = 0 } };
        var run = ((LineResume)result.Resume).Run;
        run.Metrics["loss"] = [.. Enumerable.Range(0, points).Select(i => new MetricPoint(i, 0, i))];
        result.Runs.Add(run);
        return result;
    }

    private sealed class LineResume : ReadResume
    {
        public required Run Run { get; init; }

        public required int LinesRead { get; init; }
    }

    /// <summary>One run per unit folder; each line of run.txt is a point of "loss". Records where each read started.</summary>
    private sealed class LineReader : IResumableRunReader
    {
        public List<int> ResumedFrom { get; } = [];

        public string Format => FakeWorkspace.Format;

        public static Run NewRun(RunUnit unit) => new()
        {
            Id = RunIds.Make("lines", PathText.RelativeOrSelf(unit.WorkspaceRoot, unit.StorePath), Path.GetFileName(unit.Path)),
            Source = "lines",
            NativeId = Path.GetFileName(unit.Path),
            StorePath = unit.StorePath,
            Name = Path.GetFileName(unit.Path),
            Directory = unit.Path,
        };

        public IReadOnlyList<FileStamp> Stamp(RunUnit unit)
        {
            var file = new FileInfo(Path.Combine(unit.Path, "run.txt"));
            return file.Exists ? [new FileStamp(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks)] : [];
        }

        public UnitReadResult Read(RunUnit unit, CancellationToken cancellationToken) => Read(unit, null, cancellationToken);

        public UnitReadResult Read(RunUnit unit, ReadResume? resume, CancellationToken cancellationToken)
        {
            var previous = resume as LineResume;
            ResumedFrom.Add(previous?.LinesRead ?? -1);
            var run = previous?.Run ?? NewRun(unit);
            var lines = File.ReadAllLines(Path.Combine(unit.Path, "run.txt"));
            var points = run.Metrics.TryGetValue("loss", out var existing) ? existing : run.Metrics["loss"] = [];
            for (var i = previous?.LinesRead ?? 0; i < lines.Length; i++)
            {
                points.Add(new MetricPoint(i, 0, double.Parse(lines[i], System.Globalization.CultureInfo.InvariantCulture)));
            }

            var result = new UnitReadResult { Resume = new LineResume { UnitPath = unit.Path, Run = run, LinesRead = lines.Length } };
            result.Runs.Add(run);
            result.Files.AddRange(Stamp(unit));
            return result;
        }
    }
}
