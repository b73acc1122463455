using System.Diagnostics;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Hydra;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Hydra;

/// <summary>The corpus's Hydra files (the template job's .hydra/config.yaml, hydra.yaml and overrides.yaml, and
/// BGS-opt's multirun.yaml), copied and damaged a few hundred ways each: the readers always return the run, never
/// throw, and every problem points into the damaged file at a line it has.</summary>
public sealed class HydraReaderMutationTests : IDisposable
{
    private const int Mutations = 250;

    private static readonly string CorpusJob = Corpus.PathOf("hydra", "pytorch-hydra-wandb-template", ".hydra");
    private static readonly string CorpusSweep = Corpus.PathOf("hydra", "BGS-opt", "multirun.yaml");
    private static readonly byte[] Punctuation = ":-[]{}'\"#&*!|>\n  ,.?"u8.ToArray();

    private readonly TempDirectory _temp = new();
    private readonly string _job;
    private readonly string _sweep;

    public HydraReaderMutationTests()
    {
        _job = _temp.Combine("outputs", "2022-10-05", "18-16-22");
        Directory.CreateDirectory(Path.Combine(_job, ".hydra"));
        foreach (var name in new[] { "config.yaml", "hydra.yaml", "overrides.yaml" })
        {
            File.Copy(Path.Combine(CorpusJob, name), Path.Combine(_job, ".hydra", name));
        }

        _sweep = _temp.Combine("multirun", "2022-03-28", "21-10-00");
        Directory.CreateDirectory(_sweep);
        File.Copy(CorpusSweep, Path.Combine(_sweep, "multirun.yaml"));
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("config.yaml", 1)]
    [InlineData("hydra.yaml", 2)]
    [InlineData("overrides.yaml", 3)]
    public void A_damaged_job_file_never_throws_and_every_problem_is_located(string name, int seed)
    {
        var reader = new HydraJobReader(Engine.CreateDiscovery(new()), Engine.LoggerReaders());
        var unit = new RunUnit(UnitFormats.HydraJob, _job, _temp.Combine("outputs"), _temp.Path);
        var path = Path.Combine(_job, ".hydra", name);
        if (name == "overrides.yaml")
        {
            // overrides.yaml is read only when hydra.yaml does not list the overrides itself.
            File.WriteAllText(Path.Combine(_job, ".hydra", "hydra.yaml"), "hydra:\n  job:\n    name: evaluate\n");
        }

        AssertEveryMutationIsHandled(path, seed, () => reader.Read(unit, CancellationToken.None));
    }

    [Fact]
    public void A_damaged_multirun_yaml_never_throws_and_every_problem_is_located()
    {
        var unit = new RunUnit(UnitFormats.HydraSweep, _sweep, _temp.Combine("multirun"), _temp.Path);

        AssertEveryMutationIsHandled(Path.Combine(_sweep, "multirun.yaml"), 4, () => new HydraSweepReader().Read(unit, CancellationToken.None));
    }

    private static void AssertEveryMutationIsHandled(string path, int seed, Func<UnitReadResult> read)
    {
        var original = File.ReadAllBytes(path);
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var damaged = 0;
        for (var i = 0; i < Mutations; i++)
        {
            var mutated = ByteMutations.Mutate(original, random, Punctuation);
            File.WriteAllBytes(path, mutated);

            var result = read();

            Assert.True(result.Runs.Count == 1, $"case {i}: {result.Runs.Count} runs");
            damaged += result.Problems.Count > 0 ? 1 : 0;
            var lines = ByteMutations.LineCount(mutated);
            Assert.All(result.Problems, p =>
            {
                Assert.Equal(path, p.Path);
                Assert.True(p.Line >= 0 && p.Line <= lines, $"case {i}: {p.Format()} but the file has {lines} lines");
            });
        }

        // YAML forgives much (a flipped letter in a value is still YAML), so only part of the cases is a problem.
        Assert.True(damaged > Mutations / 5, $"only {damaged} of {Mutations} damaged files gave a problem");
        File.WriteAllBytes(path, original);
        Assert.Empty(read().Problems);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{Mutations} reads took {clock.Elapsed}");
    }
}
