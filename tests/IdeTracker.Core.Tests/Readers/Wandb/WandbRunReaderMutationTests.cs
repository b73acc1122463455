using IdeTracker.Core.Tests.TestSupport;
using System.Diagnostics;
using System.Text.RegularExpressions;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Wandb;

namespace IdeTracker.Core.Tests.Readers.Wandb;

/// <summary>Damages the corpus's real W&amp;B files thousands of ways (truncation at every offset, flipped bytes,
/// garbage spliced in, ranges cut or repeated): the reader must always return the run with located
/// problems, never throw, never hang, and a resumed read of damaged bytes must still equal a whole read.</summary>
public sealed partial class WandbRunReaderMutationTests : IDisposable
{
    private const int LogMutations = 1_500;
    private const int FileMutations = 300;
    private const int ResumedMutations = 200;

    /// <summary>Far above a read of these small files; only a hang or a runaway loop comes near it.</summary>
    private static readonly TimeSpan MaxReadTime = TimeSpan.FromSeconds(2);

    private static readonly string[] SmallFiles = ["config.yaml", "wandb-summary.json", "wandb-metadata.json", "requirements.txt"];

    private readonly WandbRunFixture _run = new("xpeipnem", "run-20230329_014920-");
    private readonly WandbRunReader _reader = new(FixedTime.Later);

    public WandbRunReaderMutationTests()
    {
        foreach (var name in SmallFiles)
        {
            _run.WithFile(name, File.ReadAllBytes(Path.Combine(WandbCorpus.FolderOf("xpeipnem"), "files", name)));
        }
    }

    public void Dispose() => _run.Dispose();

    [Fact]
    public void A_log_cut_at_every_offset_reads_up_to_the_cut()
    {
        var original = CorpusLog("xpeipnem");

        // Only the log is cut here; without the small files each of the 4,262 reads is the log's alone.
        foreach (var name in SmallFiles)
        {
            File.Delete(_run.FilePath(name));
        }

        for (var length = 0; length <= original.Length; length++)
        {
            _run.WithLog(original[..length]);

            var result = AssertReadsOneRunWithLocatedProblems($"cut at {length}", length);

            // The cut removes records from the end, never puts a problem in the middle.
            Assert.DoesNotContain(result.Problems, p => p.Severity == Core.Model.ProblemSeverity.Error && length > 0);
        }
    }

    [Fact]
    public void Damaged_logs_never_throw_and_locate_their_problems()
    {
        var originals = new[] { CorpusLog("xpeipnem"), CorpusLog("u1c25l6f"), CorpusLog("5kjwspgj"), CorpusLog("tdnogiww"), CorpusLog("ruzz7bps")[..70_000] };

        for (var seed = 0; seed < LogMutations; seed++)
        {
            var mutated = Mutate(originals[seed % originals.Length], new Random(seed));
            _run.WithLog(mutated);

            AssertReadsOneRunWithLocatedProblems($"seed {seed}", mutated.Length);
        }
    }

    [Fact]
    public void Damaged_small_files_never_throw_and_locate_their_problems()
    {
        _run.WithLog(CorpusLog("xpeipnem"));
        var originals = SmallFiles.ToDictionary(n => n, n => File.ReadAllBytes(_run.FilePath(n)));

        for (var seed = 0; seed < FileMutations; seed++)
        {
            var name = SmallFiles[seed % SmallFiles.Length];
            _run.WithFile(name, Mutate(originals[name], new Random(seed)));

            AssertReadsOneRunWithLocatedProblems($"{name} seed {seed}", originals[name].Length);
            _run.WithFile(name, originals[name]);
        }
    }

    [Fact]
    public void A_resumed_read_of_a_damaged_log_equals_a_whole_read()
    {
        var original = CorpusLog("ruzz7bps")[..100_000];

        for (var seed = 0; seed < ResumedMutations; seed++)
        {
            var random = new Random(seed);
            var mutated = Mutate(original, random);
            var split = random.Next(mutated.Length + 1);
            var written = FixedTime.Later.GetUtcNow().AddHours(-1);

            _run.WithLog(mutated[..split]).LogWrittenAt(written);
            var first = _reader.Read(_run.Unit, null, CancellationToken.None);
            _run.WithLog(mutated).LogWrittenAt(written);
            var resumed = _reader.Read(_run.Unit, first.Resume, CancellationToken.None);
            var whole = _reader.Read(_run.Unit, CancellationToken.None);

            Assert.True(ReadSnapshot.Of(whole) == ReadSnapshot.Of(resumed), $"seed {seed}, split at {split}");
        }
    }

    private UnitReadResult AssertReadsOneRunWithLocatedProblems(string what, long logLength)
    {
        var clock = Stopwatch.StartNew();
        var result = _reader.Read(_run.Unit, CancellationToken.None);

        Assert.True(clock.Elapsed < MaxReadTime, $"{what}: read took {clock.Elapsed}");
        Assert.True(result.Runs.Count == 1, $"{what}: {result.Runs.Count} runs");
        foreach (var problem in result.Problems)
        {
            Assert.True(problem.Line >= 0, what);
            if (problem.Path == _run.LogPath)
            {
                var at = LogOffset().Match(problem.Message);
                Assert.True(at.Success, $"{what}: '{problem.Message}' does not say where");
                Assert.True(long.Parse(at.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) <= logLength, $"{what}: {problem.Message}");
            }
            else
            {
                Assert.Contains(problem.Path, SmallFiles.Select(_run.FilePath));
            }
        }

        return result;
    }

    private static byte[] CorpusLog(string id) =>
        File.ReadAllBytes(Directory.GetFiles(WandbCorpus.FolderOf(id), "*.wandb").Single());

    // A zero run, as a preallocated or half-flushed file has.
    private static byte[] Mutate(byte[] original, Random random) =>
        ByteMutations.Mutate(original, random, (bytes, at, r) => bytes.InsertRange(at, new byte[r.Next(1, 64)]));

    [GeneratedRegex("^at byte ([0-9]+): ")]
    private static partial Regex LogOffset();
}
