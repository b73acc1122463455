using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.TensorBoard;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Readers.TensorBoard;

/// <summary>The two Lightning TensorBoardLogger runs of the corpus. Expected values were checked by hand with
/// tfevents_check.py beside this file: a decoder written apart from the reader, in plain Python, that checks
/// both CRCs of every record and decodes the protobuf wire format itself.</summary>
public sealed class TensorBoardCorpusTests
{
    private static readonly string Root = Corpus.PathOf("tensorboard", "ifood-2019");
    private static readonly string Logs = Path.Combine(Root, "lightning_logs");

    private readonly TensorBoardRunReader _reader = new();

    [Fact]
    public void Version_3_has_every_tag_with_its_points_and_no_problems()
    {
        var run = Read("version_3");

        // 705 records; per tag: 100 points of each curve, 200 of epoch, 1 of hp_metric, 100 of lr-SGD.
        Assert.Equal(["Training accuracy", "Training loss", "Validation accuracy", "Validation loss", "epoch", "hp_metric", "lr-SGD"],
            run.Metrics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(100, run.Metrics["Training loss"].Count);
        Assert.Equal(200, run.Metrics["epoch"].Count);
        Assert.Equal(100, run.Metrics["lr-SGD"].Count);
        Assert.Equal(new MetricPoint(0, 0, -1), run.Metrics["hp_metric"].Single() with { TimestampMs = 0 });

        // simple_value is a float32: the values are the floats widened, as Python prints them.
        Assert.Equal(730, run.Metrics["Training loss"][0].Step);
        Assert.Equal(5.395483493804932, run.Metrics["Training loss"][0].Value);
        Assert.Equal(73099, run.Metrics["Validation accuracy"][^1].Step);
        Assert.Equal(37.22812271118164, run.Metrics["Validation accuracy"][^1].Value);
        Assert.Equal(3.3105807304382324, run.Metrics["Validation loss"][^1].Value);
        Assert.Equal(new MetricPoint(0, run.Metrics["lr-SGD"][0].TimestampMs, 0.18000000715255737), run.Metrics["lr-SGD"][0]);
        Assert.Equal(72369, run.Metrics["lr-SGD"][^1].Step);
        Assert.Equal(0.04031432047486305, run.Metrics["lr-SGD"][^1].Value);
        Assert.Equal(99, run.Metrics["epoch"][^1].Value);
        Assert.Empty(run.Media);
    }

    [Fact]
    public void Version_7_has_its_own_curves()
    {
        var run = Read("version_7");

        Assert.Equal(7, run.Metrics.Count);
        Assert.Equal(new MetricPoint(36599, run.Metrics["Training accuracy"][^1].TimestampMs, 85.81543731689453), run.Metrics["Training accuracy"][^1]);
        Assert.Equal(0.500588595867157, run.Metrics["Validation loss"][^1].Value);
        Assert.Equal(365, run.Metrics["Validation loss"][0].Step);
        Assert.Equal(0.015220362693071365, run.Metrics["lr-SGD"][^1].Value);
    }

    [Fact]
    public void Params_come_from_hparams_yaml_and_the_status_from_the_hparams_plugin()
    {
        var v3 = Read("version_3");
        var v7 = Read("version_7");

        // hparams.yaml: "n_classes: 251", "conv_net: null"; the plugin's session_start_info holds the same two
        // (conv_net as the string 'None'), so nothing is added. Its session_end_info says STATUS_SUCCESS.
        Assert.Equal(new Dictionary<string, string> { ["n_classes"] = "251", ["conv_net"] = "null" }, v3.Params);
        Assert.Equal(new Dictionary<string, string> { ["num_perm"] = "100", ["grid_size"] = "3" }, v7.Params);
        Assert.Equal(RunStatus.Finished, v3.Status);
        Assert.Equal(RunStatus.Finished, v7.Status);
    }

    [Fact]
    public void Times_are_the_first_and_last_wall_times_and_points_carry_theirs()
    {
        var run = Read("version_3");

        // First record (file_version) at 1725116185.6291676 s, last at 1725127300.896951 s.
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1725116185629), run.StartTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1725127300897), run.EndTime);
        Assert.All(run.Metrics.Values.SelectMany(p => p), p => Assert.InRange(p.TimestampMs, 1725116185629, 1725127300897));
    }

    [Fact]
    public void The_run_is_named_and_placed_from_its_folders_and_file_name()
    {
        var folder = Path.Combine(Logs, "version_3");

        var run = Read("version_3");

        Assert.Equal(RunIds.Make("tensorboard", "ifood-2019/lightning_logs", "version_3"), run.Id);
        Assert.Equal("tensorboard", run.Source);
        Assert.Equal("version_3", run.NativeId);
        Assert.Equal("version_3", run.Name);
        Assert.Equal("lightning_logs", run.Experiment);
        Assert.Equal(Root, run.StorePath);
        Assert.Equal(folder, run.Directory);
        Assert.Equal(Path.Combine(folder, "events.out.tfevents.1725116185.luigi-Kub.3269.0"), run.MetricsFile);
        Assert.Equal("luigi-Kub", run.Host);
    }

    [Fact]
    public void Stamps_are_the_event_file_and_hparams_yaml_and_match_what_the_read_depended_on()
    {
        var folder = Path.Combine(Logs, "version_7");
        var unit = Unit("version_7");

        var stamps = _reader.Stamp(unit);
        var read = _reader.Read(unit, CancellationToken.None);

        Assert.Equal(
            [
                new FileStamp(Path.Combine(folder, "events.out.tfevents.1725354251.luigi-Kub.8977.0"), 36132,
                    File.GetLastWriteTimeUtc(Path.Combine(folder, "events.out.tfevents.1725354251.luigi-Kub.8977.0")).Ticks),
                new FileStamp(Path.Combine(folder, "hparams.yaml"), 27, File.GetLastWriteTimeUtc(Path.Combine(folder, "hparams.yaml")).Ticks),
            ],
            stamps);
        Assert.Equal(stamps, read.Files);
    }

    private static RunUnit Unit(string version) =>
        new(UnitFormats.TensorBoardRun, Path.Combine(Logs, version), Root, Corpus.PathOf("tensorboard"));

    private Run Read(string version)
    {
        var result = _reader.Read(Unit(version), CancellationToken.None);
        Assert.Empty(result.Problems);
        return Assert.Single(result.Runs);
    }
}
