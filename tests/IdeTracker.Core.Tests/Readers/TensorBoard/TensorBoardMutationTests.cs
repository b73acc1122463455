using System.Buffers.Binary;
using System.Diagnostics;
using IdeTracker.Core.Tests.Readers.TensorBoard.Fixtures;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.TensorBoard;

/// <summary>Damages a real event file thousands of ways: raw damage (truncation, flipped bytes, spliced garbage,
/// repeated chunks), which the CRCs mostly catch, and damage inside records that are framed again with good
/// CRCs, which only the protobuf decoder can catch. The reader must always return the run with located
/// problems, never throw, never hang.</summary>
public sealed class TensorBoardMutationTests : IDisposable
{
    private const int RawMutations = 1500;
    private const int RecordMutations = 2000;

    private static readonly string CorpusFolder = Corpus.PathOf("tensorboard", "ifood-2019", "lightning_logs", "version_3");
    private static readonly string CorpusFile = Directory.GetFiles(CorpusFolder, "events.out.tfevents.*").Single();

    private readonly TensorBoardRunFolder _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Raw_damage_never_throws_and_every_problem_is_located()
    {
        var original = File.ReadAllBytes(CorpusFile);
        File.Copy(Path.Combine(CorpusFolder, "hparams.yaml"), Path.Combine(Directory.CreateDirectory(_run.Folder).FullName, "hparams.yaml"));

        for (var seed = 0; seed < RawMutations; seed++)
        {
            var path = _run.WriteBytes(Path.GetFileName(CorpusFile), Mutate(original, new Random(seed)));

            AssertOneRunWithLocatedProblems(seed, path);
        }
    }

    [Fact]
    public void Damage_inside_well_framed_records_never_throws_and_every_problem_is_located()
    {
        var records = Records(File.ReadAllBytes(CorpusFile));
        var decoderProblems = 0;

        for (var seed = 0; seed < RecordMutations; seed++)
        {
            var random = new Random(seed);
            var damaged = new List<byte[]>(records);
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                var at = random.Next(damaged.Count);
                damaged[at] = Mutate(damaged[at], random);
            }

            var path = _run.WriteBytes(Path.GetFileName(CorpusFile), [.. damaged.SelectMany(r => EventFileWriter.Frame(r))]);

            decoderProblems += AssertOneRunWithLocatedProblems(seed, path).Count(p => p.Message.Contains("not a valid Event", StringComparison.Ordinal));
        }

        // The CRCs were good, so these could only come from the protobuf decoder: the damage did reach it.
        Assert.True(decoderProblems > RecordMutations / 4, $"only {decoderProblems} decoder problems");
    }

    private List<Core.Model.Problem> AssertOneRunWithLocatedProblems(int seed, string eventFile)
    {
        var clock = Stopwatch.StartNew();
        var result = _run.Read();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"seed {seed}: read took {clock.Elapsed}");
        Assert.True(result.Runs.Count == 1, $"seed {seed}: {result.Runs.Count} runs");
        Assert.All(result.Problems, p =>
        {
            Assert.Contains(p.Path, new[] { eventFile, Path.Combine(_run.Folder, "hparams.yaml") });
            Assert.True(p.Line == 0, $"seed {seed}: line {p.Line}");
            Assert.False(string.IsNullOrWhiteSpace(p.Message));
        });
        return result.Problems;
    }

    /// <summary>The data of each record of a well-formed file.</summary>
    private static List<byte[]> Records(byte[] file)
    {
        var records = new List<byte[]>();
        for (var at = 0; at + 12 <= file.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(at));
            records.Add(file.AsSpan(at + 12, length).ToArray());
            at += 16 + length;
        }

        return records;
    }

    // A byte that makes a varint go on, or a length huge.
    private static byte[] Mutate(byte[] original, Random random) =>
        ByteMutations.Mutate(original, random, (bytes, at, r) => bytes[at] = (byte)(r.Next(2) == 0 ? 0xFF : 0x80 | r.Next(128)));
}
