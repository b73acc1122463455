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

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var edits = random.Next(1, 5);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 1:
                    bytes[at] ^= (byte)random.Next(1, 256);
                    break;
                case 2:
                    bytes[at] = Punctuation[random.Next(Punctuation.Length)];
                    break;
                case 3:
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 32)).Select(_ => (byte)random.Next(256)));
                    break;
                case 4:
                    bytes.RemoveRange(at, random.Next(1, Math.Min(100, bytes.Count - at) + 1));
                    break;
                default:
                    var length = random.Next(1, Math.Min(200, bytes.Count - at) + 1);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }
}
