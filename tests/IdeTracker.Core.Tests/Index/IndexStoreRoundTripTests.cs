using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Tests.TestSupport;

namespace IdeTracker.Core.Tests.Index;

public sealed class IndexStoreRoundTripTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly IndexStore store;
    private readonly RunUnit unit;
    private readonly Run run;

    public IndexStoreRoundTripTests()
    {
        store = TestRuns.OpenStore(temp);
        unit = TestRuns.Unit(store.WorkspaceRoot, "abc123");
        run = new Run
        {
            Id = RunIds.Make("mlflow", "mlruns", "abc123"),
            Source = "mlflow",
            NativeId = "abc123",
            StorePath = unit.StorePath,
            ExperimentId = "7",
            Experiment = "resnet sweep",
            Name = "bright-owl-42",
            Status = RunStatus.Running,
            StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123),
            EndTime = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_360_456),
            User = "ada",
            Host = "gpu-box",
            Command = "python train.py --lr 0.001",
            GitCommit = "0123456789abcdef0123456789abcdef01234567",
            GitDirty = true,
            Note = "Lower lr.\nSecond line — with ünïcode.",
            Label = "optimizer.lr=0.001, model=resnet",
            Directory = unit.Path,
            MetricsFile = Path.Combine(unit.Path, "metrics"),
        };
        run.Params["optimizer.lr"] = "0.001";
        run.Params["optimizer.name"] = "adam";
        run.Params["epochs"] = " 10 ";
        run.Params["huge"] = "1e400";
        run.Params["floor"] = "-inf";
        run.Params["python_nan"] = "nan";
        run.Params["flag"] = "True";
        run.Params["empty"] = "";
        run.Tags["mlflow.user"] = "ada";
        run.Tags["team"] = "vision";
        run.Metrics["loss"] = [new(0, 1000, 0.9), new(1, 2000, double.NaN), new(2, 3000, 0.5)];
        run.Metrics["blowup"] = [new(0, 0, double.PositiveInfinity), new(5, 0, double.NegativeInfinity)];
        run.Metrics["all_nan"] = [new(3, 10, double.NaN)];
        run.Metrics["never_logged"] = [];
        run.Packages["torch"] = "2.3.1";
        run.Packages["numpy"] = "";
        run.Environment["python"] = "3.11.4";
        run.Environment["gpu"] = "NVIDIA A100-SXM4-40GB";
        run.Media.Add(new RunMedia("samples/input", "image", 12, 1100));
        run.Media.Add(new RunMedia("samples/input", "image", 3, 5));
        run.Media.Add(new RunMedia("weights/fc1", "histogram", 40, 3900));
        run.DataInputs.Add(new DataInput("data/train.csv", "md5:0f343b0931126a20f133d67c2b018a3b", 1_048_576, 1));
        run.DataInputs.Add(new DataInput("data/images", null, null, 2000));

        var result = TestRuns.Result(run);
        result.Problems.Add(new Problem(Path.Combine(unit.Path, "meta.yaml"), 3, "not a valid status", ProblemSeverity.Warning));
        result.Files.Add(new FileStamp(Path.Combine(unit.Path, "meta.yaml"), 321, 638_000_000_000_000_000));
        store.WriteUnits([(unit, result)]);
    }

    [Fact]
    public void Run_details_come_back_as_written()
    {
        var details = store.GetRunDetails(run.Id, "loss")!;

        Assert.Equal(
            new RunRow(
                run.Id,
                "mlflow",
                "mlflow:mlruns",
                "resnet sweep",
                "bright-owl-42",
                null,
                RunStatus.Running,
                run.StartTime,
                run.EndTime,
                unit.Path,
                0,
                new MetricSummary(0.9, 0.5, 0.5, 0.9, 3, 2, 3000),
                "optimizer.lr=0.001, model=resnet",
                new DateTimeOffset(638_000_000_000_000_000, TimeSpan.Zero)),
            details.Run);
        Assert.Equal("abc123", details.NativeId);
        Assert.Equal(unit.StorePath, details.StorePath);
        Assert.Equal("7", details.ExperimentId);
        Assert.Equal("ada", details.User);
        Assert.Equal("gpu-box", details.Host);
        Assert.Equal("python train.py --lr 0.001", details.Command);
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", details.GitCommit);
        Assert.True(details.GitDirty);
        Assert.Equal("Lower lr.\nSecond line — with ünïcode.", details.Note);
        Assert.Equal(Path.Combine(unit.Path, "metrics"), details.MetricsFile);
        Assert.Equal(run.Params, details.Params);
        Assert.Equal(run.Tags, details.Tags);
    }

    [Fact]
    public void Summaries_keep_NaN_and_infinities()
    {
        var metrics = store.GetRunDetails(run.Id, null)!.Metrics;

        Assert.Equal(["all_nan", "blowup", "loss"], metrics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new MetricSummary(double.NaN, double.NaN, double.NaN, double.NaN, 1, 3, 10), metrics["all_nan"]);
        var blowup = metrics["blowup"];
        Assert.Equal(double.PositiveInfinity, blowup.First);
        Assert.Equal(double.NegativeInfinity, blowup.Last);
        Assert.Equal(double.NegativeInfinity, blowup.Min);
        Assert.Equal(double.PositiveInfinity, blowup.Max);
        Assert.Equal(5, blowup.LastStep);
    }

    [Fact]
    public void Series_come_back_point_for_point_with_NaN_and_infinities()
    {
        AssertSamePoints(run.Metrics["loss"], store.GetSeries(run.Id, "loss"));
        AssertSamePoints(run.Metrics["blowup"], store.GetSeries(run.Id, "blowup"));
        AssertSamePoints(run.Metrics["all_nan"], store.GetSeries(run.Id, "all_nan"));
        Assert.Empty(store.GetSeries(run.Id, "never_logged"));
        Assert.Empty(store.GetSeries("no-such-run", "loss"));
    }

    [Fact]
    public void Params_keep_their_text_and_a_number_when_the_text_is_one()
    {
        using var connection = TestRuns.OpenRaw(store.DatabasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, text, num FROM params ORDER BY key";
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, (string Text, double? Num)>();
        while (reader.Read())
        {
            rows[reader.GetString(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetDouble(2));
        }

        Assert.Equal(("0.001", 0.001), rows["optimizer.lr"]);
        Assert.Equal(("adam", null), rows["optimizer.name"]);
        Assert.Equal((" 10 ", 10.0), rows["epochs"]);
        Assert.Equal(("1e400", double.PositiveInfinity), rows["huge"]);
        Assert.Equal(("-inf", double.NegativeInfinity), rows["floor"]);
        Assert.Equal(("nan", null), rows["python_nan"]);
        Assert.Equal(("True", null), rows["flag"]);
        Assert.Equal(("", null), rows["empty"]);
    }

    [Fact]
    public void Problems_and_file_stamps_are_kept_for_the_unit()
    {
        var problem = Assert.Single(store.GetProblems());
        Assert.Equal(new Problem(Path.Combine(unit.Path, "meta.yaml"), 3, "not a valid status", ProblemSeverity.Warning), problem);

        var state = store.LoadUnits()[unit.Path];
        Assert.Equal(UnitFormats.MlflowFileRun, state.Format);
        Assert.Equal(unit.StorePath, state.StorePath);
        var stamp = new FileStamp(Path.Combine(unit.Path, "meta.yaml"), 321, 638_000_000_000_000_000);
        Assert.Equal(1, state.FileCount);
        Assert.True(state.IsUnchanged(unit, [stamp]));
        Assert.False(state.IsUnchanged(unit, [stamp with { Size = 322 }]));
        Assert.False(state.IsUnchanged(unit, [stamp with { MtimeTicks = stamp.MtimeTicks + 1 }]));
        Assert.False(state.IsUnchanged(unit, [stamp, stamp with { Path = stamp.Path + "2" }]));
    }

    [Fact]
    public void Metric_keys_are_counted_per_run()
    {
        var other = TestRuns.OneRun(store.WorkspaceRoot, "other");
        store.WriteUnits([other]);

        Assert.Equal(
            [new MetricKeyCount("all_nan", 1), new MetricKeyCount("blowup", 1), new MetricKeyCount("loss", 1), new MetricKeyCount("val_acc", 1)],
            store.GetMetricKeyCounts());
    }

    [Fact]
    public void A_running_run_is_live_only_while_its_files_are_recent()
    {
        var lastWrite = new DateTimeOffset(638_000_000_000_000_000, TimeSpan.Zero);

        Assert.Equal(new IndexCounts(1, 1, 1), store.GetCounts(lastWrite.AddMinutes(1), TimeSpan.FromMinutes(2)));
        Assert.Equal(new IndexCounts(1, 0, 1), store.GetCounts(lastWrite.AddMinutes(3), TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public void Reopening_keeps_everything()
    {
        var path = store.DatabasePath;
        store.Dispose();

        using var reopened = IndexStore.Open(path, temp.Combine("ws"));

        Assert.False(reopened.WasRebuilt);
        Assert.Equal(run.Params, reopened.GetRunDetails(run.Id, null)!.Params);
        AssertSamePoints(run.Metrics["loss"], reopened.GetSeries(run.Id, "loss"));
    }

    [Fact]
    public void A_damaged_series_blob_reads_as_empty_and_is_logged()
    {
        var log = new List<string>();
        var path = store.DatabasePath;
        store.Dispose();
        using (var connection = TestRuns.OpenRaw(path))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE metric_series SET blob = substr(blob, 1, length(blob) - 3) WHERE key = 'loss'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        using var reopened = IndexStore.Open(path, temp.Combine("ws"), log.Add);

        Assert.Empty(reopened.GetSeries(run.Id, "loss"));
        Assert.Contains(log, line => line.Contains("damaged series of loss", StringComparison.Ordinal));
        Assert.Equal(2, reopened.GetSeries(run.Id, "blowup").Count);
    }

    [Fact]
    public void Label_packages_environment_media_and_data_inputs_come_back_as_written()
    {
        var details = store.GetRunDetails(run.Id, null)!;

        Assert.Equal("optimizer.lr=0.001, model=resnet", details.Run.Label);
        Assert.Equal(new Dictionary<string, string> { ["numpy"] = "", ["torch"] = "2.3.1" }, details.Packages);
        Assert.Equal(new Dictionary<string, string> { ["gpu"] = "NVIDIA A100-SXM4-40GB", ["python"] = "3.11.4" }, details.Environment);

        // A tag listed twice keeps its first entry.
        Assert.Equal([new RunMedia("samples/input", "image", 12, 1100), new RunMedia("weights/fc1", "histogram", 40, 3900)], details.Media);
        Assert.Equal(
            [new DataInput("data/images", null, null, 2000), new DataInput("data/train.csv", "md5:0f343b0931126a20f133d67c2b018a3b", 1_048_576, 1)],
            details.DataInputs);
        Assert.Equal(details.Packages, store.GetAllRunDetails(null).Single().Packages);
        Assert.Equal(details.Media, store.GetAllRunDetails(null).Single().Media);
    }

    [Fact]
    public void Replacing_the_unit_drops_the_old_packages_and_media()
    {
        var again = TestRuns.Run(unit, "abc123");
        store.WriteUnits([(unit, TestRuns.Result(again))]);

        var details = store.GetRunDetails(again.Id, null)!;
        Assert.Empty(details.Packages);
        Assert.Empty(details.Environment);
        Assert.Empty(details.Media);
        Assert.Empty(details.DataInputs);
        Assert.Null(details.Run.Label);
    }

    public void Dispose()
    {
        store.Dispose();
        temp.Dispose();
    }

    private static void AssertSamePoints(IReadOnlyList<MetricPoint> expected, IReadOnlyList<MetricPoint> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Step, actual[i].Step);
            Assert.Equal(expected[i].TimestampMs, actual[i].TimestampMs);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i].Value), BitConverter.DoubleToInt64Bits(actual[i].Value));
        }
    }
}
