using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Sacred;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.Sacred;

/// <summary>The four real runs of corpus/sacred/ml-pws. Expected values were read off the files by hand and with
/// python3's json module (point counts, first and last points; times as milliseconds since 1970 UTC, truncated:
/// (datetime.fromisoformat(s).replace(tzinfo=utc) - epoch) // timedelta(milliseconds=1)).</summary>
public sealed class SacredRunReaderCorpusTests
{
    private static readonly string Workspace = Corpus.PathOf("sacred", "ml-pws");
    private static readonly string BaseDir = Corpus.PathOf("sacred", "ml-pws", "runs");

    private readonly SacredRunReader _reader = new();

    [Fact]
    public void Reads_all_four_runs_without_problems()
    {
        var results = new[] { "1", "2", "3", "4" }.Select(Read).ToList();

        Assert.All(results, r => Assert.Empty(r.Problems));
        var runs = results.Select(r => Assert.Single(r.Runs)).ToList();
        Assert.Equal(["model-size-sweep #1", "model-size-sweep #2", "model-size-sweep #3", "model-size-sweep #4"], runs.Select(r => r.Name));
        Assert.All(runs, r => Assert.Equal("model-size-sweep", r.Experiment));
        Assert.All(runs, r => Assert.Equal("sacred", r.Source));
        Assert.Equal(["1", "2", "3", "4"], runs.Select(r => r.NativeId));
        Assert.Equal(4, runs.Select(r => r.Id).Distinct().Count());
        // Runs 1, 2 and 4 say COMPLETED, run 3 FAILED.
        Assert.Equal([RunStatus.Finished, RunStatus.Finished, RunStatus.Failed, RunStatus.Finished], runs.Select(r => r.Status));
        // Every metrics.json holds one metric, training.loss, with 400 points at steps 1…400.
        Assert.All(runs, r =>
        {
            var loss = Assert.Single(r.Metrics).Value;
            Assert.Equal(400, loss.Count);
            Assert.Equal(Enumerable.Range(1, 400).Select(s => (long)s), loss.Select(p => p.Step));
        });
    }

    [Fact]
    public void Run_1_has_what_its_files_say()
    {
        var run = Assert.Single(Read("1").Runs);

        // config.json: ten values, one nested mapping.
        Assert.Equal(new Dictionary<string, string>
        {
            ["batch_size"] = "64",
            ["dataset.device"] = "cuda",
            ["dataset.filename"] = "data/gaussian_data.pt",
            ["device"] = "cuda",
            ["epochs"] = "400",
            ["hidden_size"] = "8",
            ["layers"] = "1",
            ["lr"] = "0.0001",
            ["model"] = "LSTM",
            ["seed"] = "594583207",
        }, run.Params);

        var loss = run.Metrics["training.loss"];
        Assert.Equal(new MetricPoint(1, 1707433337744, 0.2630771433830261), loss[0]);
        Assert.Equal(new MetricPoint(400, 1707433392616, -0.6781838181495666), loss[^1]);

        // start_time 2024-02-08T23:02:14.620335 and stop_time 2024-02-08T23:03:12.616825, UTC.
        Assert.Equal(new DateTimeOffset(2024, 2, 8, 23, 2, 14, TimeSpan.Zero).AddTicks(6203350), run.StartTime);
        Assert.Equal(new DateTimeOffset(2024, 2, 8, 23, 3, 12, TimeSpan.Zero).AddTicks(6168250), run.EndTime);

        Assert.Equal("34c5ea6bebc779115962365252593cd77b67fbec", run.GitCommit);
        Assert.True(run.GitDirty);
        Assert.Equal("git@github.com:manuel-rhdt/ml-pws.git", run.Tags["git.url"]);
        Assert.Equal("my_main", run.Tags["sacred.command"]);
        Assert.Equal("COMPLETED", run.Tags["sacred.status"]);
        Assert.Equal(new Dictionary<string, string> { ["numpy"] = "1.26.3", ["sacred"] = "0.8.5", ["src"] = "0.1.0", ["torch"] = "2.2.0" }, run.Packages);
        Assert.Equal("jupyternoteboo.data-driveninfo.src.surf-hosted.nl", run.Host);
        Assert.Equal(new Dictionary<string, string>
        {
            ["program"] = "01-model-size.py",
            ["os"] = "Linux-5.4.0-170-generic-x86_64-with-glibc2.31",
            ["python"] = "3.12.1",
            ["cpu"] = "Intel(R) Xeon(R) Gold 6226 CPU @ 2.70GHz",
            ["gpu_driver"] = "515.43.04",
            ["gpu"] = "NVIDIA GeForce RTX 2080 Ti",
            ["gpu_count"] = "1",
            ["gpu_memory"] = "11264 MiB",
        }, run.Environment);

        // meta.options sets only --file_storage; nothing was updated on the command line, no comment, no result.
        Assert.Equal("01-model-size.py --file_storage=runs", run.Command);
        Assert.Null(run.Label);
        Assert.Null(run.Note);
        Assert.Null(run.User);
        Assert.Empty(run.DataInputs);
        Assert.Equal(Path.Combine(BaseDir, "1"), run.Directory);
        Assert.Equal(Path.Combine(BaseDir, "1", "metrics.json"), run.MetricsFile);
        Assert.Equal(BaseDir, run.StorePath);
    }

    [Fact]
    public void Run_3_failed_and_says_why()
    {
        var run = Assert.Single(Read("3").Runs);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal("AttributeError: expected 'f' to be string, path, or a file-like object with a 'write' attribute", run.Tags["sacred.fail_reason"]);
        Assert.Equal("stochseq_model=LSTM_layers=1_hidden=8.pt", run.Params["output_name"]);
        Assert.Equal("733131706", run.Params["seed"]);
        Assert.Equal(new MetricPoint(400, 1707434012323, -0.6749154008865357), run.Metrics["training.loss"][^1]);
    }

    [Fact]
    public void Runs_2_3_and_4_read_the_data_file_sacred_copied_to_resources()
    {
        foreach (var id in new[] { "2", "3", "4" })
        {
            var run = Assert.Single(Read(id).Runs);

            var input = Assert.Single(run.DataInputs);
            Assert.Equal(new DataInput("/data/volume_2/ml-pws/data/gaussian_data.pt", "md5:9c245717ccc76eae8c24740276bb1775", null, null), input);
        }
    }

    [Fact]
    public void Stamps_are_the_json_files_the_read_depended_on()
    {
        var unit = UnitOf("4");

        var stamps = _reader.Stamp(unit);
        var result = _reader.Read(unit, CancellationToken.None);

        Assert.Equal(["config.json", "metrics.json", "run.json"], stamps.Select(s => Path.GetFileName(s.Path)).Order(StringComparer.Ordinal));
        Assert.Equal(stamps, result.Files);
        Assert.All(stamps, s => Assert.Equal(new FileInfo(s.Path).Length, s.Size));
    }

    private UnitReadResult Read(string id) => _reader.Read(UnitOf(id), CancellationToken.None);

    private static RunUnit UnitOf(string id) => new(UnitFormats.SacredRun, Path.Combine(BaseDir, id), BaseDir, Workspace);
}
