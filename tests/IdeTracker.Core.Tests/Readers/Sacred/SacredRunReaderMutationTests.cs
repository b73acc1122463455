using System.Diagnostics;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Sacred;

/// <summary>The real files of corpus run 3 (the failed one: it has a fail_trace, resources and an extra config
/// value) damaged a few hundred ways each: the reader always returns the run, never throws, and every problem
/// points into one of the files at a line the file has.</summary>
public sealed class SacredRunReaderMutationTests : IDisposable
{
    private const int Mutations = 300;

    private static readonly string CorpusRun = Corpus.PathOf("sacred", "ml-pws", "runs", "3");

    private static readonly byte[] Punctuation = "{}[],:\"\\\n 0-.eNaInfity"u8.ToArray();

    private readonly SacredRunFolder _folder = new("3");

    public SacredRunReaderMutationTests()
    {
        foreach (var name in new[] { "run.json", "config.json", "metrics.json" })
        {
            _folder.With(name, File.ReadAllBytes(Path.Combine(CorpusRun, name)));
        }
    }

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("run.json", 1)]
    [InlineData("config.json", 2)]
    [InlineData("metrics.json", 3)]
    public void Damaged_files_never_throw_and_every_problem_is_located(string name, int seed)
    {
        var original = File.ReadAllBytes(Path.Combine(CorpusRun, name));
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var damaged = 0;

        for (var i = 0; i < Mutations; i++)
        {
            var mutated = ByteMutations.Mutate(original, random, Punctuation);
            _folder.With(name, mutated);

            var result = _folder.Read();

            Assert.True(result.Runs.Count == 1, $"case {i}: {result.Runs.Count} runs");
            damaged += result.Problems.Count > 0 ? 1 : 0;
            Assert.All(result.Problems, p =>
            {
                Assert.StartsWith(_folder.Folder, p.Path);
                var lines = File.Exists(p.Path) ? ByteMutations.LineCount(File.ReadAllBytes(p.Path)) : 0;
                Assert.True(p.Line >= 0 && p.Line <= lines, $"case {i}: {p.Format()} but the file has {lines} lines");
            });
        }

        // Most damage breaks the JSON; a flipped digit inside a value need not, so not every case has a problem.
        Assert.True(damaged > Mutations / 2, $"only {damaged} of {Mutations} damaged files gave a problem");
        _folder.With(name, original);
        Assert.Empty(_folder.Read().Problems);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{Mutations} reads took {clock.Elapsed}");
    }
}
