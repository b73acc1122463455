using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Dvc;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Dvc;

/// <summary>The three corpus folders, each a copy of one branch's workspace of CaroCardozo/example-dvc-experiments
/// (not in a git repository here, so each gives its workspace run only). Expected values were read from the
/// files by hand: params.yaml and dvc.lock by eye, the .tsv files and metrics.json with python3's csv and json
/// modules (10 rows per .tsv, steps 0–9, each last row equal to metrics.json's value).</summary>
public sealed class DvcProjectReaderCorpusTests
{
    private static readonly string Root = Corpus.PathOf("dvc");
    private static readonly string Project = Corpus.PathOf("dvc", "example-dvc-experiments");

    private readonly DvcProjectReader _reader = new();

    public static TheoryData<string, string> ConvUnits => new()
    {
        // The branch name says 16, its params.yaml says 24: the run must show what the files hold.
        { "branch-main", "24" },
        { "branch-cnn-16", "24" },
        { "branch-cnn-32", "32" },
    };

    [Theory]
    [MemberData(nameof(ConvUnits))]
    public void Each_branch_copy_is_one_workspace_run_with_the_params_of_its_params_yaml(string folder, string convUnits)
    {
        var (result, run) = Read(folder);

        Assert.Empty(result.Problems);
        Assert.Equal(new Dictionary<string, string> { ["train.epochs"] = "10", ["model.conv_units"] = convUnits }, run.Params);
        Assert.Equal("workspace", run.Name);
        Assert.Equal("workspace", run.NativeId);
        Assert.Equal(folder, run.Experiment);
        Assert.Equal("dvc", run.Source);
        Assert.Equal(RunStatus.Unknown, run.Status);
        Assert.Equal("python3 src/train.py", run.Command);
        Assert.Null(run.GitCommit);
        Assert.Null(run.GitDirty);
        Assert.Null(run.ParentId);
        Assert.Equal(Path.Combine(Project, folder), run.Directory);
        Assert.Equal(Path.Combine(Project, folder, "dvclive", "metrics.json"), run.MetricsFile);
    }

    [Fact]
    public void Main_has_the_ten_step_curves_of_its_tsv_files()
    {
        var (_, run) = Read("branch-main");

        Assert.Equal(["eval/acc", "eval/loss", "train/acc", "train/loss"], run.Metrics.Keys.Order(StringComparer.Ordinal));
        Assert.All(run.Metrics.Values, points =>
        {
            Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), points.Select(p => p.Step));
            Assert.All(points, p => Assert.Equal(0, p.TimestampMs));
        });
        Assert.Equal(0.916700005531311, run.Metrics["train/acc"][0].Value);
        Assert.Equal(0.9901999831199646, run.Metrics["train/acc"][^1].Value);
        Assert.Equal(0.2800039052963257, run.Metrics["train/loss"][0].Value);
        Assert.Equal(0.03015276975929737, run.Metrics["train/loss"][^1].Value);
        Assert.Equal(0.9714000225067139, run.Metrics["eval/acc"][0].Value);
        Assert.Equal(0.9884999990463257, run.Metrics["eval/acc"][^1].Value);
        Assert.Equal(0.10040449351072311, run.Metrics["eval/loss"][0].Value);
        Assert.Equal(0.03283250704407692, run.Metrics["eval/loss"][^1].Value);
    }

    [Fact]
    public void Cnn_32_has_its_own_results()
    {
        var (_, run) = Read("branch-cnn-32");

        Assert.Equal(0.9202666878700256, run.Metrics["train/acc"][0].Value);
        Assert.Equal(0.9916499853134155, run.Metrics["train/acc"][^1].Value);
        Assert.Equal(0.02566339261829853, run.Metrics["train/loss"][^1].Value);
        Assert.Equal(0.9898999929428101, run.Metrics["eval/acc"][^1].Value);
        Assert.Equal(0.10420810431241989, run.Metrics["eval/loss"][0].Value);
        Assert.Equal(0.03324693813920021, run.Metrics["eval/loss"][^1].Value);
    }

    [Theory]
    [InlineData("branch-main", "md5:09abfaabdfd6cd12fd31fb6ea736d57a.dir", 13802L)]
    [InlineData("branch-cnn-16", "md5:09abfaabdfd6cd12fd31fb6ea736d57a.dir", 13802L)]
    [InlineData("branch-cnn-32", "md5:ff7575c40a57f57b1e1a8c4ca1ba0094.dir", 13828L)]
    public void Dvc_lock_dependencies_are_the_data_inputs(string folder, string srcDigest, long srcSize)
    {
        var (_, run) = Read(folder);

        // dvc.lock: deps "data" (same in all three) and "src" (changed for cnn-32); outs are not inputs.
        Assert.Equal(
            [
                new DataInput($"example-dvc-experiments/{folder}/data", "md5:687552951726b99c2eee15d29b4ccf0e.dir", 17397976, 3),
                new DataInput($"example-dvc-experiments/{folder}/src", srcDigest, srcSize, 4),
            ],
            run.DataInputs);
    }

    [Fact]
    public void Dvc_lock_outputs_are_tags_with_their_digests()
    {
        var (_, run) = Read("branch-main");

        Assert.Equal(new Dictionary<string, string>
        {
            ["dvc.out.dvclive/metrics.json"] = "md5:0a8ed1e5a6b0efbb50e9aff19f9880e3",
            ["dvc.out.dvclive/plots"] = "md5:dd88ce204e64aeddcba8c6e7e7207f0a.dir",
            ["dvc.out.models"] = "md5:348950d95c9f7b90ec9269f1845c2661.dir",
            ["dvc.out.plots"] = "md5:4b4ac8020a5f4c5b479738274ea665a2.dir",
        }, run.Tags);
    }

    [Fact]
    public void Without_timestamps_in_the_tsv_files_the_times_are_the_dvclive_files_write_times()
    {
        var (_, run) = Read("branch-main");

        var dvclive = Path.Combine(Project, "branch-main", "dvclive");
        var written = new[] { "metrics.json", "plots/metrics/train/acc.tsv", "plots/metrics/train/loss.tsv", "plots/metrics/eval/acc.tsv", "plots/metrics/eval/loss.tsv" }
            .Select(f => new DateTimeOffset(File.GetLastWriteTimeUtc(Path.Combine(dvclive, f))))
            .ToList();
        Assert.Equal(written.Min(), run.StartTime);
        Assert.Equal(written.Max(), run.EndTime);
    }

    [Fact]
    public void Stamps_are_the_files_the_run_was_read_from()
    {
        var unit = UnitOf("branch-main");

        var stamps = _reader.Stamp(unit);
        var result = _reader.Read(unit, CancellationToken.None);

        var folder = Path.Combine(Project, "branch-main");
        Assert.Equal(
            new[] { "dvc.yaml", "dvc.lock", "params.yaml", "dvclive/metrics.json", "dvclive/plots/metrics/eval/acc.tsv", "dvclive/plots/metrics/eval/loss.tsv", "dvclive/plots/metrics/train/acc.tsv", "dvclive/plots/metrics/train/loss.tsv" }
                .Select(f => Path.Combine(folder, f)),
            stamps.Select(s => s.Path));
        Assert.Equal(stamps, result.Files);
    }

    [Fact]
    public void The_three_runs_have_distinct_stable_ids()
    {
        var ids = new[] { "branch-main", "branch-cnn-16", "branch-cnn-32" }.Select(f => Read(f).Run.Id).ToList();

        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(RunIds.Make("dvc", "example-dvc-experiments/branch-main", "workspace"), ids[0]);
    }

    private (UnitReadResult Result, Run Run) Read(string folder)
    {
        var result = _reader.Read(UnitOf(folder), CancellationToken.None);
        return (result, Assert.Single(result.Runs));
    }

    private static RunUnit UnitOf(string folder)
    {
        var path = Path.Combine(Project, folder);
        return new RunUnit(UnitFormats.DvcProject, path, path, Root);
    }
}
