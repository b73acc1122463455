using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>Decodes one Event record into a run's state. The hot path — an Event carrying a Summary of
/// simple_value scalars — reads the wire format straight from the record's bytes and allocates nothing but
/// the point it adds. Field numbers are those of TensorFlow's event.proto and summary.proto.</summary>
internal static class EventRecordDecoder
{
    // Event
    private const int WallTimeField = 1;
    private const int StepField = 2;
    private const int SummaryField = 5;

    // Summary.Value
    private const int TagField = 1;
    private const int SimpleValueField = 2;
    private const int OldHistogramField = 3;
    private const int ImageField = 4;
    private const int HistogramField = 5;
    private const int AudioField = 6;
    private const int TensorField = 8;
    private const int MetadataField = 9;

    /// <summary>Throws <see cref="InvalidDataException"/> for bytes that are not an Event; the state may then
    /// hold the values decoded before the fault.</summary>
    public static void Decode(ReadOnlySpan<byte> record, EventRunState state, EventFileProblems problems, long offset)
    {
        double wallTime = 0;
        long step = 0;
        ReadOnlySpan<byte> summary = default;
        var reader = new ProtoReader(record);
        while (reader.TryReadKey(out var field, out var wire))
        {
            switch (field)
            {
                case WallTimeField when wire == ProtoReader.Fixed64:
                    wallTime = reader.ReadDouble();
                    break;
                case StepField when wire == ProtoReader.Varint:
                    step = (long)reader.ReadVarint();
                    break;
                case SummaryField when wire == ProtoReader.LengthDelimited:
                    summary = reader.ReadBytes();
                    break;
                default:
                    // file_version, graph_def, log_message, session_log, run metadata…: nothing a run shows.
                    reader.Skip(wire);
                    break;
            }
        }

        state.NoteWallTime(wallTime);
        if (summary.IsEmpty)
        {
            return;
        }

        var wallMs = EventRunState.ToMilliseconds(wallTime);
        var values = new ProtoReader(summary);
        while (values.TryReadKey(out var field, out var wire))
        {
            if (field == 1 && wire == ProtoReader.LengthDelimited)
            {
                DecodeValue(values.ReadBytes(), step, wallMs, state, problems, offset);
            }
            else
            {
                values.Skip(wire);
            }
        }
    }

    private static void DecodeValue(ReadOnlySpan<byte> value, long step, long wallMs, EventRunState state, EventFileProblems problems, long offset)
    {
        ReadOnlySpan<byte> tag = default;
        ReadOnlySpan<byte> tensor = default;
        ReadOnlySpan<byte> metadata = default;
        var hasSimple = false;
        var hasTensor = false;
        var hasMetadata = false;
        float simple = 0;
        string? legacyKind = null;
        var reader = new ProtoReader(value);
        while (reader.TryReadKey(out var field, out var wire))
        {
            switch (field)
            {
                case TagField when wire == ProtoReader.LengthDelimited:
                    tag = reader.ReadBytes();
                    break;
                case SimpleValueField when wire == ProtoReader.Fixed32:
                    simple = reader.ReadFloat();
                    hasSimple = true;
                    break;
                case TensorField when wire == ProtoReader.LengthDelimited:
                    tensor = reader.ReadBytes();
                    hasTensor = true;
                    break;
                case MetadataField when wire == ProtoReader.LengthDelimited:
                    metadata = reader.ReadBytes();
                    hasMetadata = true;
                    break;
                case ImageField when wire == ProtoReader.LengthDelimited:
                    reader.Skip(wire);
                    legacyKind = "image";
                    break;
                case HistogramField or OldHistogramField when wire == ProtoReader.LengthDelimited:
                    reader.Skip(wire);
                    legacyKind = "histogram";
                    break;
                case AudioField when wire == ProtoReader.LengthDelimited:
                    reader.Skip(wire);
                    legacyKind = "audio";
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        var tagState = state.Tags.GetOrAdd(tag);
        if (tagState is null)
        {
            if (!state.ReportedTooManyTags)
            {
                state.ReportedTooManyTags = true;
                problems.Add(offset, $"more than {TagTable.MaxTags:N0} distinct tags; values of further tags are not read");
            }

            return;
        }

        if (hasMetadata)
        {
            var plugin = ReadMetadata(metadata, out var pluginContent);
            tagState.NoteMetadata(plugin);
            if (plugin == SummaryPlugin.Hparams)
            {
                // Each hparams summary carries its own content; its tensor is only a placeholder.
                if (HparamsPluginData.Read(pluginContent, state.Hparams) is { } status)
                {
                    state.SessionStatus = status;
                }

                return;
            }
        }

        if (hasSimple)
        {
            tagState.AddPoint(new MetricPoint(step, wallMs, simple));
        }
        else if (legacyKind is not null)
        {
            tagState.AddMedia(legacyKind, step);
        }
        else if (hasTensor)
        {
            AddTensor(tagState, tensor, step, wallMs, problems, offset);
        }
    }

    private static void AddTensor(TagState tag, ReadOnlySpan<byte> tensor, long step, long wallMs, EventFileProblems problems, long offset)
    {
        switch (tag.Plugin)
        {
            case SummaryPlugin.Scalars:
                if (TensorScalar.TryRead(tensor, out var number))
                {
                    tag.AddPoint(new MetricPoint(step, wallMs, number));
                }
                else if (!tag.ReportedNonScalar)
                {
                    tag.ReportedNonScalar = true;
                    problems.Add(offset, $"tag '{tag.Name}': a scalars summary whose tensor is not one number; such values are skipped");
                }

                break;
            case SummaryPlugin.Hparams:
                break;
            default:
                tag.AddMedia(SummaryPlugins.MediaKind(tag.Plugin), step);
                break;
        }
    }

    /// <summary>SummaryMetadata: plugin_data = 1 (PluginData: plugin_name = 1, content = 2), data_class = 4.</summary>
    private static SummaryPlugin ReadMetadata(ReadOnlySpan<byte> metadata, out ReadOnlySpan<byte> content)
    {
        ReadOnlySpan<byte> name = default;
        content = default;
        ulong dataClass = 0;
        var reader = new ProtoReader(metadata);
        while (reader.TryReadKey(out var field, out var wire))
        {
            if (field == 1 && wire == ProtoReader.LengthDelimited)
            {
                var plugin = new ProtoReader(reader.ReadBytes());
                while (plugin.TryReadKey(out var pluginField, out var pluginWire))
                {
                    if (pluginField == 1 && pluginWire == ProtoReader.LengthDelimited)
                    {
                        name = plugin.ReadBytes();
                    }
                    else if (pluginField == 2 && pluginWire == ProtoReader.LengthDelimited)
                    {
                        content = plugin.ReadBytes();
                    }
                    else
                    {
                        plugin.Skip(pluginWire);
                    }
                }
            }
            else if (field == 4 && wire == ProtoReader.Varint)
            {
                dataClass = reader.ReadVarint();
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return SummaryPlugins.From(name, dataClass);
    }
}
