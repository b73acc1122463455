using System.Buffers.Binary;
using Google.Protobuf.WellKnownTypes;
using IdeTracker.Core.Model;
using IdeTracker.Core.Tests.Readers.TensorBoard.Fixtures;
using IdeTracker.Core.Tests.Readers.TensorBoard.Protos;

namespace IdeTracker.Core.Tests.Readers.TensorBoard;

/// <summary>What the corpus lacks, on generated event files (written with Google.Protobuf from the tests' own .proto).</summary>
public sealed class TensorBoardRunReaderTests : IDisposable
{
    private readonly TensorBoardRunFolder _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Tf2_tensor_scalars_are_read_with_the_plugin_named_only_on_the_first_event_of_a_tag()
    {
        _run.Write(TensorBoardRunFolder.FirstFile,
            Events.FileVersion(),
            Events.Tensor("loss", 1, Events.FloatTensor(0.5f), withMetadata: true),
            Events.Tensor("loss", 2, Events.FloatTensor(0.25f), withMetadata: false),
            Events.Tensor("acc", 1, Events.DoubleTensor(0.125), withMetadata: true),
            Events.Tensor("acc", 2, Events.DoubleTensor(1.0 / 3), withMetadata: false));

        var run = ReadOneRun();

        Assert.Equal([new MetricPoint(1, 1_700_000_001_250, 0.5), new MetricPoint(2, 1_700_000_002_250, 0.25)], run.Metrics["loss"]);
        Assert.Equal([0.125, 1.0 / 3], run.Metrics["acc"].Select(p => p.Value));
        Assert.Empty(run.Media);
    }

    public static TheoryData<DataType, byte[], double> Contents => new()
    {
        { DataType.DtFloat, BitConverter.GetBytes(1.5f), 1.5 },
        { DataType.DtDouble, BitConverter.GetBytes(-2.25), -2.25 },
        { DataType.DtInt32, BitConverter.GetBytes(-7), -7 },
        { DataType.DtInt64, BitConverter.GetBytes(1L << 40), 1L << 40 },
        { DataType.DtHalf, BitConverter.GetBytes((Half)0.5), 0.5 },
        { DataType.DtUint8, [200], 200 },
        { DataType.DtBool, [1], 1 },
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public void Tensor_content_scalars_of_each_dtype_are_read(DataType dtype, byte[] content, double expected)
    {
        _run.Write(TensorBoardRunFolder.FirstFile, Events.Tensor("x", 3, Events.ContentTensor(dtype, content), withMetadata: true));

        Assert.Equal(expected, ReadOneRun().Metrics["x"].Single().Value);
    }

    [Fact]
    public void Typed_fields_of_integer_and_half_tensors_are_read()
    {
        _run.Write(TensorBoardRunFolder.FirstFile,
            Events.Tensor("i32", 1, new TensorProto { Dtype = DataType.DtInt32, TensorShape = new(), IntVal = { -3 } }, withMetadata: true),
            Events.Tensor("i64", 1, new TensorProto { Dtype = DataType.DtInt64, TensorShape = new(), Int64Val = { 1L << 50 } }, withMetadata: true),
            Events.Tensor("half", 1, new TensorProto { Dtype = DataType.DtHalf, TensorShape = new(), HalfVal = { BitConverter.HalfToInt16Bits((Half)(-1.5)) & 0xFFFF } }, withMetadata: true),
            Events.Tensor("flag", 1, new TensorProto { Dtype = DataType.DtBool, TensorShape = new(), BoolVal = { true } }, withMetadata: true),
            Events.Tensor("one", 1, new TensorProto { Dtype = DataType.DtFloat, TensorShape = new() { Dim = { new TensorShapeProto.Types.Dim { Size = 1 } } }, FloatVal = { 9 } }, withMetadata: true));

        var run = ReadOneRun();

        Assert.Equal(-3, run.Metrics["i32"].Single().Value);
        Assert.Equal(1L << 50, run.Metrics["i64"].Single().Value);
        Assert.Equal(-1.5, run.Metrics["half"].Single().Value);
        Assert.Equal(1, run.Metrics["flag"].Single().Value);
        Assert.Equal(9, run.Metrics["one"].Single().Value);
    }

    [Fact]
    public void A_scalars_tensor_of_several_values_is_skipped_with_one_problem()
    {
        var vector = new TensorProto { Dtype = DataType.DtFloat, TensorShape = new() { Dim = { new TensorShapeProto.Types.Dim { Size = 2 } } }, FloatVal = { 1, 2 } };
        var path = _run.Write(TensorBoardRunFolder.FirstFile,
            Events.Tensor("v", 1, vector, withMetadata: true),
            Events.Tensor("v", 2, vector, withMetadata: false),
            Events.Simple("ok", 1, 3));

        var result = _run.Read();

        var run = Assert.Single(result.Runs);
        Assert.False(run.Metrics.ContainsKey("v"));
        Assert.Equal(3, run.Metrics["ok"].Single().Value);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Path);
        Assert.StartsWith("byte 0: tag 'v'", problem.Message);
    }

    [Fact]
    public void NaN_and_infinities_are_kept()
    {
        _run.Write(TensorBoardRunFolder.FirstFile,
            Events.Simple("loss", 1, float.NaN), Events.Simple("loss", 2, float.PositiveInfinity), Events.Simple("loss", 3, float.NegativeInfinity));

        Assert.Equal([double.NaN, double.PositiveInfinity, double.NegativeInfinity], ReadOneRun().Metrics["loss"].Select(p => p.Value));
    }

    [Fact]
    public void Several_files_are_read_in_name_order_as_one_series()
    {
        // Written second but named first: name order, not write order, decides.
        _run.Write(TensorBoardRunFolder.SecondFile, Events.FileVersion(Events.Start + 900), Events.Simple("loss", 3, 0.3f), Events.Simple("loss", 4, 0.4f));
        _run.Write(TensorBoardRunFolder.FirstFile, Events.FileVersion(), Events.Simple("loss", 1, 0.1f), Events.Simple("loss", 2, 0.2f));
        Directory.CreateDirectory(Path.Combine(_run.Folder, "nested"));
        EventFileWriter.Write(Path.Combine(_run.Folder, "nested", TensorBoardRunFolder.FirstFile), [Events.Simple("other", 1, 1)]);

        var run = ReadOneRun();

        Assert.Equal([1L, 2, 3, 4], run.Metrics["loss"].Select(p => p.Step));
        Assert.False(run.Metrics.ContainsKey("other"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250), run.StartTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_004_250), run.EndTime);
        Assert.Equal(_run.PathOf(TensorBoardRunFolder.SecondFile), run.MetricsFile);
        Assert.Equal("node1.cluster", run.Host);
        Assert.Equal([_run.PathOf(TensorBoardRunFolder.FirstFile), _run.PathOf(TensorBoardRunFolder.SecondFile)],
            _run.Reader.Stamp(_run.Unit).Select(s => s.Path));
    }

    [Fact]
    public void A_file_many_times_the_read_buffer_is_streamed_with_records_across_every_refill()
    {
        // About 3.5 MB: records straddle the 1 MiB buffer's refills, and a 1.5 MB image goes past it alone.
        var events = Enumerable.Range(0, 60_000).Select(i => Events.Simple(i % 2 == 0 ? "loss" : "a much longer tag name, with spaces", i, i * 0.5f)).ToList();
        events.Insert(30_000, Events.Image("big", 1, bytes: 1_500_000));
        _run.Write(TensorBoardRunFolder.FirstFile, [.. events]);

        var run = ReadOneRun();

        Assert.Equal(Enumerable.Range(0, 30_000).Select(i => 2L * i), run.Metrics["loss"].Select(p => p.Step));
        Assert.Equal(Enumerable.Range(0, 30_000).Select(i => ((2 * i) + 1) * 0.5), run.Metrics["a much longer tag name, with spaces"].Select(p => p.Value));
        Assert.Equal(new RunMedia("big", "image", 1, 1), Assert.Single(run.Media));
    }

    [Fact]
    public void The_hparams_plugin_gives_params_and_status()
    {
        _run.Write(TensorBoardRunFolder.FirstFile,
            Events.FileVersion(),
            Events.HparamsExperiment("lr", "optimizer", "layers"),
            Events.HparamsStart(new Dictionary<string, Value>
            {
                ["lr"] = Value.ForNumber(0.001),
                ["optimizer"] = Value.ForString("adam"),
                ["nesterov"] = Value.ForBool(true),
                ["layers"] = Value.ForNumber(4),
                ["model/dropout"] = Value.ForNumber(0.5),
            }),
            Events.Simple("loss", 1, 1),
            Events.HparamsEnd(Status.Failure, Events.Start + 60));

        var run = ReadOneRun();

        Assert.Equal(new Dictionary<string, string>
        {
            ["lr"] = "0.001", ["optimizer"] = "adam", ["nesterov"] = "true", ["layers"] = "4", ["model/dropout"] = "0.5",
        }, run.Params);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(["loss"], run.Metrics.Keys);
        Assert.Empty(run.Media);
    }

    [Theory]
    [InlineData(Status.Success, RunStatus.Finished)]
    [InlineData(Status.Failure, RunStatus.Failed)]
    [InlineData(Status.Running, RunStatus.Running)]
    [InlineData(Status.Unknown, RunStatus.Unknown)]
    public void Session_end_statuses_map_to_run_statuses(Status status, RunStatus expected)
    {
        _run.Write(TensorBoardRunFolder.FirstFile, Events.HparamsStart(new Dictionary<string, Value> { ["a"] = Value.ForNumber(1) }), Events.HparamsEnd(status, Events.Start + 1));

        Assert.Equal(expected, ReadOneRun().Status);
    }

    [Fact]
    public void Without_a_session_end_the_status_is_unknown()
    {
        _run.Write(TensorBoardRunFolder.FirstFile, Events.HparamsStart(new Dictionary<string, Value> { ["a"] = Value.ForNumber(1) }), Events.Simple("loss", 1, 1));

        Assert.Equal(RunStatus.Unknown, ReadOneRun().Status);
    }

    [Fact]
    public void Hparams_yaml_wins_over_the_plugins_flattened_copy_and_the_plugin_adds_what_it_lacks()
    {
        _run.Write(TensorBoardRunFolder.FirstFile, Events.HparamsStart(new Dictionary<string, Value>
        {
            ["model/lr"] = Value.ForNumber(0.1), ["seed"] = Value.ForNumber(7), ["extra"] = Value.ForString("x"),
        }));
        File.WriteAllText(Path.Combine(_run.Folder, "hparams.yaml"), "model:\n  lr: 0.1\nseed: 7\n");

        Assert.Equal(new Dictionary<string, string> { ["model.lr"] = "0.1", ["seed"] = "7", ["extra"] = "x" }, ReadOneRun().Params);
    }

    [Fact]
    public void Images_histograms_and_other_tensors_are_listed_as_media_not_metrics()
    {
        _run.Write(TensorBoardRunFolder.FirstFile,
            Events.Image("samples", 1, bytes: 2_000_000),
            Events.Image("samples", 5),
            Events.Histogram("weights", 2),
            Events.Histogram("weights", 3),
            Events.Histogram("weights", 4),
            Events.Tensor("notes", 7, new TensorProto { Dtype = DataType.DtString, TensorShape = new(), StringVal = { Google.Protobuf.ByteString.CopyFromUtf8("hi") } }, withMetadata: true, plugin: "text"),
            Events.Tensor("embedding", 8, Events.FloatTensor(1), withMetadata: false),
            Events.Tensor("tf2_images", 9, new TensorProto { Dtype = DataType.DtString }, withMetadata: true, plugin: "images"),
            Events.Tensor("tf2_images", 10, new TensorProto { Dtype = DataType.DtString }, withMetadata: false),
            Events.Tensor("curves", 11, Events.FloatTensor(1), withMetadata: true, plugin: "pr_curves"),
            Events.Simple("loss", 1, 1));

        var run = ReadOneRun();

        Assert.Equal(
            [
                new RunMedia("samples", "image", 2, 5),
                new RunMedia("weights", "histogram", 3, 4),
                new RunMedia("notes", "text", 1, 7),
                new RunMedia("embedding", "tensor", 1, 8),
                new RunMedia("tf2_images", "image", 2, 10),
                new RunMedia("curves", "other", 1, 11),
            ],
            run.Media);
        Assert.Equal(["loss"], run.Metrics.Keys);
    }

    [Fact]
    public void A_record_cut_off_at_the_end_is_not_taken_and_is_no_problem()
    {
        var whole = EventFileWriter.Frames([Events.FileVersion(), Events.Simple("loss", 1, 1), Events.Simple("loss", 2, 2)]);
        var last = EventFileWriter.Frame(Events.Simple("loss", 3, 3));
        foreach (var cut in new[] { 1, 8, 11, 12, 13, last.Length - 1 })
        {
            _run.WriteBytes(TensorBoardRunFolder.FirstFile, [.. whole, .. last.AsSpan(0, cut)]);

            var result = _run.Read();

            Assert.Empty(result.Problems);
            Assert.Equal([1L, 2], Assert.Single(result.Runs).Metrics["loss"].Select(p => p.Step));
        }
    }

    [Fact]
    public void A_bad_data_check_in_the_middle_skips_that_record_with_a_located_problem()
    {
        var first = EventFileWriter.Frames([Events.FileVersion(), Events.Simple("loss", 1, 1)]);
        var damaged = EventFileWriter.Frame(Events.Simple("loss", 2, 2));
        damaged[^6] ^= 0x40;
        var rest = EventFileWriter.Frame(Events.Simple("loss", 3, 3));
        var path = _run.WriteBytes(TensorBoardRunFolder.FirstFile, [.. first, .. damaged, .. rest]);

        var result = _run.Read();

        Assert.Equal([1L, 3], Assert.Single(result.Runs).Metrics["loss"].Select(p => p.Step));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(new Problem(path, 0, $"byte {first.Length:N0}: the data check of this record fails (the file is damaged here); the record is skipped", ProblemSeverity.Warning), problem);
    }

    [Fact]
    public void A_bad_length_check_stops_the_file_there_and_says_so()
    {
        var first = EventFileWriter.Frames([Events.FileVersion(), Events.Simple("loss", 1, 1)]);
        var damaged = EventFileWriter.Frame(Events.Simple("loss", 2, 2));
        damaged[2] ^= 0x01;
        var path = _run.WriteBytes(TensorBoardRunFolder.FirstFile, [.. first, .. damaged, .. EventFileWriter.Frame(Events.Simple("loss", 3, 3))]);
        _run.Write(TensorBoardRunFolder.SecondFile, Events.Simple("loss", 4, 4));

        var result = _run.Read();

        Assert.Equal([1L, 4], Assert.Single(result.Runs).Metrics["loss"].Select(p => p.Step));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.StartsWith($"byte {first.Length:N0}: the length check of this record fails", problem.Message);
    }

    [Fact]
    public void A_record_over_the_size_limit_is_skipped_without_being_allocated()
    {
        var first = EventFileWriter.Frame(Events.Simple("loss", 1, 1));
        var huge = new byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(huge, (ulong)EventFileReaderLimit + 1);
        BinaryPrimitives.WriteUInt32LittleEndian(huge.AsSpan(8), Core.Readers.TensorBoard.Crc32C.Masked(huge.AsSpan(0, 8)));
        var path = _run.WriteBytes(TensorBoardRunFolder.FirstFile, first);
        using (var stream = new FileStream(path, FileMode.Append))
        {
            stream.Write(huge);
            stream.SetLength(stream.Length + EventFileReaderLimit + 1 + 4);
        }

        EventFileWriter.Append(path, EventFileWriter.Frame(Events.Simple("loss", 2, 2)));

        var result = _run.Read();

        Assert.Equal([1L, 2], Assert.Single(result.Runs).Metrics["loss"].Select(p => p.Step));
        var problem = Assert.Single(result.Problems);
        Assert.Equal($"byte {first.Length:N0}: a record of 64.0 MB is larger than the 64 MB limit; skipped", problem.Message);
    }

    [Fact]
    public void Garbage_an_empty_file_and_a_non_event_record_give_located_problems_and_the_rest_is_read()
    {
        var garbage = new byte[5000];
        new Random(3).NextBytes(garbage);
        var garbagePath = _run.WriteBytes("events.out.tfevents.1700000000.a.1.0", garbage);
        _run.WriteBytes("events.out.tfevents.1700000001.a.1.0", []);
        var notAnEvent = EventFileWriter.Frame([0x0A, 0x7F, 0x01]);
        var notAnEventPath = _run.WriteBytes("events.out.tfevents.1700000002.a.1.0", [.. notAnEvent, .. EventFileWriter.Frame(Events.Simple("loss", 1, 1))]);

        var result = _run.Read();

        Assert.Equal(1, Assert.Single(result.Runs).Metrics["loss"].Single().Step);
        Assert.Equal([garbagePath, notAnEventPath], result.Problems.Select(p => p.Path));
        Assert.StartsWith("byte 0: the length check", result.Problems[0].Message);
        Assert.Equal("byte 0: not a valid Event record: a field runs past the end of its message", result.Problems[1].Message);
    }

    [Fact]
    public void A_tag_that_is_not_utf8_is_kept_with_replacement_characters()
    {
        // Event { step 1, summary { value { tag 0xFF 0xFE, simple_value 1.0 } } } by hand: Google.Protobuf only writes valid strings.
        byte[] raw = [0x10, 0x01, 0x2A, 0x0B, 0x0A, 0x09, 0x0A, 0x02, 0xFF, 0xFE, 0x15, 0x00, 0x00, 0x80, 0x3F];
        _run.WriteBytes(TensorBoardRunFolder.FirstFile, EventFileWriter.Frame(raw));

        var run = ReadOneRun();

        Assert.Equal(1, Assert.Single(run.Metrics).Value.Single().Value);
        Assert.Equal("\uFFFD\uFFFD", run.Metrics.Keys.Single());
    }

    [Fact]
    public void A_folder_with_no_event_files_has_no_run_and_says_so()
    {
        Directory.CreateDirectory(_run.Folder);

        var result = _run.Read();

        Assert.Empty(result.Runs);
        Assert.Equal(_run.Folder, Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void A_folder_that_is_gone_gives_nothing()
    {
        var result = _run.Read();

        Assert.Empty(result.Runs);
        Assert.Empty(result.Problems);
        Assert.Empty(result.Files);
    }

    [Fact]
    public void Thousands_of_damaged_records_give_a_capped_list_of_problems()
    {
        var frames = Enumerable.Range(0, 500).Select(i =>
        {
            var frame = EventFileWriter.Frame(Events.Simple("loss", i, i));
            frame[^1] ^= 1;
            return frame;
        }).SelectMany(f => f).ToArray();
        _run.WriteBytes(TensorBoardRunFolder.FirstFile, frames);

        var result = _run.Read();

        Assert.Equal(101, result.Problems.Count);
        Assert.Equal("400 more problems in this file are not listed", result.Problems[^1].Message);
    }

    private const int EventFileReaderLimit = Core.Readers.TensorBoard.EventFileReader.MaxRecordBytes;

    private Run ReadOneRun()
    {
        var result = _run.Read();
        Assert.Empty(result.Problems);
        return Assert.Single(result.Runs);
    }
}
