using System.Diagnostics;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Guild;

/// <summary>Damages a real Guild run's files (attrs, opref, event file) a thousand ways: truncation, flipped
/// bytes, YAML punctuation, spliced garbage, repeated chunks. The reader must always return the run with
/// problems located in the run's files, never throw, never hang.</summary>
public sealed class GuildMutationTests : IDisposable
{
    private const int Mutations = 800;

    private static readonly string CorpusRun = Corpus.PathOf("guild", "guildai-test-samples", "guild", "tests", "samples", "filter-runs", "2dc1529ba06c46fda486395a61475dbe");

    private static readonly byte[] Punctuation = ":-[]{}&*!|>'\"#%@`,?\n\t "u8.ToArray();

    private readonly GuildRunFolder _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Damaged_run_files_never_throw_and_every_problem_is_located()
    {
        var originals = Directory.GetFiles(CorpusRun, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(CorpusRun, f), Bytes: File.ReadAllBytes(f)))
            .ToList();

        foreach (var (relative, bytes) in originals)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_run.Folder, relative))!);
            File.WriteAllBytes(Path.Combine(_run.Folder, relative), bytes);
        }

        for (var seed = 0; seed < Mutations; seed++)
        {
            var random = new Random(seed);
            var damaged = Enumerable.Range(0, random.Next(1, 4)).Select(_ => originals[random.Next(originals.Count)]).Distinct().ToList();
            foreach (var (relative, bytes) in damaged)
            {
                File.WriteAllBytes(Path.Combine(_run.Folder, relative), Mutate(bytes, random));
            }

            var clock = Stopwatch.StartNew();
            var result = _run.Read();

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"seed {seed}: read took {clock.Elapsed}");
            Assert.True(result.Runs.Count == 1, $"seed {seed}: {result.Runs.Count} runs");
            Assert.All(result.Problems, p =>
            {
                Assert.StartsWith(_run.Folder, p.Path);
                Assert.True(p.Line >= 0);
            });
            foreach (var (relative, bytes) in damaged)
            {
                File.WriteAllBytes(Path.Combine(_run.Folder, relative), bytes);
            }
        }
    }

    private static byte[] Mutate(byte[] original, Random random) => ByteMutations.Mutate(original, random, Punctuation);
}
