using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Dvc;

/// <summary>Damages the corpus's real files (a copy of branch-main) thousands of ways: truncation, flipped bytes,
/// YAML/JSON/TSV punctuation dropped in, garbage spliced in, ranges cut or repeated. The reader must always
/// return the workspace run and problems located in the files it read, never throw, never hang; and a read
/// resumed from a damaged tsv's prefix must still equal a whole read.</summary>
public sealed class DvcProjectReaderMutationTests : IDisposable
{
    private const int Mutations = 600;
    private const int Branches = 100;

    private static readonly string CorpusProject = Corpus.PathOf("dvc", "example-dvc-experiments", "branch-main");

    private static readonly byte[] Punctuation = "\t\n\r\0:[]{}&*!-#|>,\"' .eE+"u8.ToArray();

    private readonly ProjectFolderFixture _project = new();
    private readonly HashSet<string> _files;

    public DvcProjectReaderMutationTests()
    {
        foreach (var file in Directory.EnumerateFiles(CorpusProject, "*", SearchOption.AllDirectories))
        {
            _project.Write(Path.GetRelativePath(CorpusProject, file), File.ReadAllBytes(file));
        }

        _files = Directory.EnumerateFiles(_project.Folder, "*", SearchOption.AllDirectories).ToHashSet(StringComparer.Ordinal);
    }

    public void Dispose() => _project.Dispose();

    [Theory]
    [InlineData("params.yaml")]
    [InlineData("dvc.lock")]
    [InlineData("dvc.yaml")]
    [InlineData("dvclive/metrics.json")]
    [InlineData("dvclive/plots/metrics/train/acc.tsv")]
    public void A_damaged_file_never_throws_and_its_problems_are_located(string relative)
    {
        var original = File.ReadAllBytes(Path.Combine(CorpusProject, relative));

        RunBounded(() =>
        {
            for (var seed = 0; seed < Mutations; seed++)
            {
                _project.Write(relative, Mutate(original, new Random(seed)));

                var result = _project.Read();

                Assert.True(result.Runs.Count == 1, $"seed {seed}: {result.Runs.Count} runs");
                Assert.All(result.Problems, p =>
                {
                    Assert.Contains(p.Path, _files);
                    Assert.True(p.Line >= 0, $"seed {seed}: line {p.Line}");
                    Assert.False(string.IsNullOrWhiteSpace(p.Message));
                });
            }
        });
    }

    [Fact]
    public void A_read_resumed_from_a_damaged_tsv_prefix_equals_a_whole_read()
    {
        const string Tsv = "dvclive/plots/metrics/eval/loss.tsv";
        var original = File.ReadAllBytes(Path.Combine(CorpusProject, Tsv));

        RunBounded(() =>
        {
            for (var seed = 0; seed < Mutations; seed++)
            {
                var random = new Random(seed);
                var damaged = Mutate(original, random);
                var split = random.Next(damaged.Length + 1);
                _project.Write(Tsv, damaged[..split]);
                var first = _project.Read();
                _project.Append(Tsv, damaged[split..]);

                var resumed = _project.Read(first.Resume);

                Assert.True(RunText.Of(_project.Read()) == RunText.Of(resumed), $"seed {seed}, split {split}");
            }
        });
    }

    [Fact]
    public void Damaged_files_committed_on_many_branches_never_throw_and_each_problem_says_where()
    {
        // Generated in-process with libgit2: one commit per branch, each with one corpus file damaged.
        var relatives = new[] { "params.yaml", "dvc.lock", "dvc.yaml", "dvclive/metrics.json", "dvclive/plots/metrics/train/acc.tsv" };
        LibGit2Sharp.Repository.Init(_project.Folder);
        using (var repo = new LibGit2Sharp.Repository(_project.Folder))
        {
            var signature = new LibGit2Sharp.Signature("Ada", "ada@example.com", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
            var originals = _files.ToDictionary(
                f => Path.GetRelativePath(_project.Folder, f).Replace('\\', '/'),
                f => (Bytes: File.ReadAllBytes(f), Blob: repo.ObjectDatabase.CreateBlob(f)));
            for (var seed = 0; seed < Branches; seed++)
            {
                var damaged = relatives[seed % relatives.Length];
                var tree = new LibGit2Sharp.TreeDefinition();
                foreach (var (relative, original) in originals)
                {
                    var blob = relative == damaged
                        ? repo.ObjectDatabase.CreateBlob(new MemoryStream(Mutate(original.Bytes, new Random(seed))))
                        : original.Blob;
                    tree.Add(relative, blob, LibGit2Sharp.Mode.NonExecutableFile);
                }

                var commit = repo.ObjectDatabase.CreateCommit(signature, signature, $"seed {seed}", repo.ObjectDatabase.CreateTree(tree), [], prettifyMessage: false);
                repo.Refs.Add($"refs/heads/b{seed:D3}", commit.Id);
            }
        }

        UnitReadResult? result = null;
        RunBounded(() => result = _project.Read());

        Assert.Equal(Branches + 1, result!.Runs.Count);
        Assert.All(result.Problems, p =>
        {
            Assert.Contains(p.Path, _files);
            Assert.StartsWith("in branch b", p.Message, StringComparison.Ordinal);
        });
    }

    private static void RunBounded(Action mutations)
    {
        var work = Task.Run(mutations);
        Assert.True(work.Wait(TimeSpan.FromMinutes(2)), "the mutations did not finish: a read hangs");
    }

    private static byte[] Mutate(byte[] original, Random random) => ByteMutations.Mutate(original, random, Punctuation);
}
