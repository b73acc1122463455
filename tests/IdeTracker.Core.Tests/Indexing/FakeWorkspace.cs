using IdeTracker.Core.Discovery;
using System.Collections.Concurrent;
using IdeTracker.Core.Index;
using IdeTracker.Core.Indexing;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Indexing;

/// <summary>A workspace of real files in a fake format: every folder under <c>store/</c> is a unit holding
/// one run, whose <c>run.txt</c> lines <c>key=value</c> are params (<c>score=a,b,…</c> is a metric).
/// A file <c>boom</c> in a unit makes the reader throw; <c>store/shared.cfg</c>, when present, is a file
/// every unit depends on. Counts discovery and reader calls.</summary>
internal sealed class FakeWorkspace : IDisposable
{
    public const string Format = "fake";

    private readonly TempDirectory temp = new();

    public FakeWorkspace()
    {
        Root = Directory.CreateDirectory(temp.Combine("ws")).FullName;
        StorePath = Path.Combine(Root, "store");
        Store = IndexStore.Open(temp.Combine("cache", "index.db"), Root);
        Reader = new FakeReader();
        Discovery = new FakeDiscovery(StorePath);
        Indexer = new WorkspaceIndexer(Store, Discovery, [Reader]);
    }

    public string Root { get; }

    public string StorePath { get; }

    public IndexStore Store { get; }

    public FakeReader Reader { get; }

    public FakeDiscovery Discovery { get; }

    public WorkspaceIndexer Indexer { get; }

    public string UnitPath(string name) => Path.Combine(StorePath, name);

    public string RunId(string name) => RunIds.Make(Format, "store", name);

    /// <summary>Writes unit <paramref name="name"/> with the given run.txt lines and returns its folder.</summary>
    public string AddUnit(string name, params string[] lines)
    {
        var dir = Directory.CreateDirectory(UnitPath(name)).FullName;
        File.WriteAllLines(Path.Combine(dir, "run.txt"), lines.Length == 0 ? ["lr=0.1", "score=0.5,0.75"] : lines);
        return dir;
    }

    public IndexResult Scan(IProgress<IndexProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Indexer.IndexWorkspace(Root, progress, cancellationToken);

    public IndexResult Changed(params string[] paths) => Indexer.IndexPaths(Root, paths, CancellationToken.None);

    /// <summary>Moves a file's write time forward, as a rewrite with the same size would.</summary>
    public static void Touch(string path) => File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(1));

    public void Dispose()
    {
        Store.Dispose();
        temp.Dispose();
    }

    internal sealed class FakeDiscovery(string storePath) : IUnitDiscovery
    {
        private int discoverCalls;

        public int DiscoverCalls => discoverCalls;

        /// <summary>Units whose format no reader knows, to check they become problems.</summary>
        public List<RunUnit> ExtraUnits { get; } = [];

        public List<Problem> Problems { get; } = [];

        public DiscoveryResult Discover(string workspaceRoot, CancellationToken ct)
        {
            Interlocked.Increment(ref discoverCalls);
            var units = Directory.Exists(storePath)
                ? Directory.GetDirectories(storePath).Order(StringComparer.Ordinal).Select(d => Unit(workspaceRoot, d)).ToList()
                : [];
            return new DiscoveryResult([.. units, .. ExtraUnits], [.. Problems]);
        }

        public RunUnit? FindUnitContaining(string workspaceRoot, string path)
        {
            var relative = Path.GetRelativePath(storePath, path);
            if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                return null;
            }

            var dir = Path.Combine(storePath, relative.Split(Path.DirectorySeparatorChar)[0]);
            return Directory.Exists(dir) ? Unit(workspaceRoot, dir) : null;
        }

        private RunUnit Unit(string root, string dir) => new(Format, dir, storePath, root);
    }

    internal sealed class FakeReader : IRunReader
    {
        private readonly ConcurrentDictionary<string, int> reads = new(StringComparer.Ordinal);

        public string Format => FakeWorkspace.Format;

        /// <summary>Called at the start of every read, on the reading thread.</summary>
        public Action<RunUnit>? BeforeRead { get; set; }

        public int TotalReads => reads.Values.Sum();

        public int ReadsOf(string unitPath) => reads.GetValueOrDefault(unitPath);

        public IReadOnlyList<FileStamp> Stamp(RunUnit unit)
        {
            var shared = Path.Combine(unit.StorePath, "shared.cfg");
            var files = Directory.Exists(unit.Path) ? Directory.GetFiles(unit.Path).Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
            return [.. files.Append(shared).Where(File.Exists).Select(f => new FileStamp(f, new FileInfo(f).Length, File.GetLastWriteTimeUtc(f).Ticks))];
        }

        public UnitReadResult Read(RunUnit unit, CancellationToken cancellationToken)
        {
            reads.AddOrUpdate(unit.Path, 1, (_, n) => n + 1);
            BeforeRead?.Invoke(unit);
            cancellationToken.ThrowIfCancellationRequested();
            if (File.Exists(Path.Combine(unit.Path, "boom")))
            {
                throw new InvalidOperationException("boom");
            }

            var result = new UnitReadResult();
            result.Files.AddRange(Stamp(unit));
            var name = Path.GetFileName(unit.Path);
            var run = new Run
            {
                Id = RunIds.Make(Format, PathText.RelativeOrSelf(unit.WorkspaceRoot, unit.StorePath), name),
                Source = Format,
                NativeId = name,
                StorePath = unit.StorePath,
                Name = name,
                Directory = unit.Path,
            };
            foreach (var line in File.ReadAllLines(Path.Combine(unit.Path, "run.txt")))
            {
                var (key, value) = (line[..line.IndexOf('=')], line[(line.IndexOf('=') + 1)..]);
                if (key == "score")
                {
                    run.Metrics[key] = [.. value.Split(',').Select((v, i) => new MetricPoint(i, 0, double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)))];
                }
                else
                {
                    run.Params[key] = value;
                }
            }

            result.Runs.Add(run);
            return result;
        }
    }
}
