using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using IdeTracker.Core.Tests.Readers.TensorBoard.Protos;

namespace IdeTracker.Core.Tests.Readers.TensorBoard.Fixtures;

/// <summary>Builds the Events writers emit: PyTorch's simple_value scalars, TF2's 0-d tensor scalars with the
/// "scalars" plugin on the first event of a tag, images, histograms, and the hparams plugin's summaries.
/// All generated.</summary>
internal static class Events
{
    public const double Start = 1_700_000_000.25;

    public static Event FileVersion(double wallTime = Start) => new() { WallTime = wallTime, FileVersion = "brain.Event:2" };

    /// <summary>The legacy encoding PyTorch, tensorboardX and Lightning write.</summary>
    public static Event Simple(string tag, long step, float value, double? wallTime = null) => new()
    {
        WallTime = wallTime ?? Start + step,
        Step = step,
        Summary = new Summary { Value = { new Summary.Types.Value { Tag = tag, SimpleValue = value } } },
    };

    /// <summary>TF2's encoding: a tensor, with the plugin metadata only when <paramref name="withMetadata"/>.</summary>
    public static Event Tensor(string tag, long step, TensorProto tensor, bool withMetadata, string plugin = "scalars", double? wallTime = null)
    {
        var value = new Summary.Types.Value { Tag = tag, Tensor = tensor };
        if (withMetadata)
        {
            value.Metadata = new SummaryMetadata { PluginData = new SummaryMetadata.Types.PluginData { PluginName = plugin } };
        }

        return new Event { WallTime = wallTime ?? Start + step, Step = step, Summary = new Summary { Value = { value } } };
    }

    public static TensorProto FloatTensor(float value) => new() { Dtype = DataType.DtFloat, TensorShape = new TensorShapeProto(), FloatVal = { value } };

    public static TensorProto DoubleTensor(double value) => new() { Dtype = DataType.DtDouble, TensorShape = new TensorShapeProto(), DoubleVal = { value } };

    public static TensorProto ContentTensor(DataType dtype, byte[] content) =>
        new() { Dtype = dtype, TensorShape = new TensorShapeProto(), TensorContent = ByteString.CopyFrom(content) };

    public static Event Image(string tag, long step, int bytes = 64) => new()
    {
        WallTime = Start + step,
        Step = step,
        Summary = new Summary
        {
            Value =
            {
                new Summary.Types.Value
                {
                    Tag = tag,
                    Image = new Summary.Types.Image { Height = 8, Width = 8, Colorspace = 3, EncodedImageString = ByteString.CopyFrom(new byte[bytes]) },
                },
            },
        },
    };

    public static Event Histogram(string tag, long step) => new()
    {
        WallTime = Start + step,
        Step = step,
        Summary = new Summary
        {
            Value =
            {
                new Summary.Types.Value
                {
                    Tag = tag,
                    Histo = new HistogramProto { Min = -1, Max = 1, Num = 3, Sum = 0, BucketLimit = { 0, 1 }, Bucket = { 1, 2 } },
                },
            },
        },
    };

    public static Event HparamsStart(IReadOnlyDictionary<string, Value> hparams, double wallTime = Start)
    {
        var start = new SessionStartInfo { StartTimeSecs = wallTime };
        foreach (var (key, value) in hparams)
        {
            start.Hparams.Add(key, value);
        }
        return Hparams("_hparams_/session_start_info", new HParamsPluginData { Version = 0, SessionStartInfo = start }, wallTime);
    }

    public static Event HparamsEnd(Status status, double wallTime) =>
        Hparams("_hparams_/session_end_info", new HParamsPluginData { SessionEndInfo = new SessionEndInfo { Status = status, EndTimeSecs = wallTime } }, wallTime);

    public static Event HparamsExperiment(params string[] names)
    {
        var experiment = new Experiment();
        experiment.HparamInfos.AddRange(names.Select(n => new HParamInfo { Name = n, Type = 3 }));
        return Hparams("_hparams_/experiment", new HParamsPluginData { Experiment = experiment }, Start);
    }

    private static Event Hparams(string tag, HParamsPluginData data, double wallTime) => new()
    {
        WallTime = wallTime,
        Summary = new Summary
        {
            Value =
            {
                new Summary.Types.Value
                {
                    Tag = tag,
                    Metadata = new SummaryMetadata
                    {
                        PluginData = new SummaryMetadata.Types.PluginData { PluginName = "hparams", Content = data.ToByteString() },
                    },
                    Tensor = new TensorProto { Dtype = DataType.DtFloat },
                },
            },
        },
    };
}
