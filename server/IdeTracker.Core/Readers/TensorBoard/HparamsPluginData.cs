using System.Globalization;
using System.Text;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>Reads the hparams plugin's HParamsPluginData (the content of its SummaryMetadata.plugin_data):
/// session_start_info's map of hyperparameter values, and session_end_info's status. The experiment
/// message (the hparams' declared domains) says nothing about this run's values and is skipped.</summary>
internal static class HparamsPluginData
{
    /// <summary>google.protobuf.Value may nest structs and lists; hparams are scalars, so deep nesting is garbage.</summary>
    private const int MaxDepth = 16;

    /// <summary>As many as a params file may give (<see cref="Common.YamlFlattener.MaxParams"/>).</summary>
    private const int MaxHparams = Common.YamlFlattener.MaxParams;

    /// <summary>Adds session_start_info's hparams to <paramref name="hparams"/> (dotted keys for any nested value)
    /// and returns session_end_info's status, or null when the content has none.</summary>
    public static RunStatus? Read(ReadOnlySpan<byte> content, Dictionary<string, string> hparams)
    {
        RunStatus? status = null;
        var reader = new ProtoReader(content);
        while (reader.TryReadKey(out var field, out var wire))
        {
            switch (field)
            {
                case 3 when wire == ProtoReader.LengthDelimited:
                    ReadSessionStart(reader.ReadBytes(), hparams);
                    break;
                case 4 when wire == ProtoReader.LengthDelimited:
                    status = ReadSessionEnd(reader.ReadBytes());
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return status;
    }

    private static void ReadSessionStart(ReadOnlySpan<byte> startInfo, Dictionary<string, string> hparams)
    {
        var reader = new ProtoReader(startInfo);
        while (reader.TryReadKey(out var field, out var wire))
        {
            if (field == 1 && wire == ProtoReader.LengthDelimited)
            {
                ReadMapEntry(reader.ReadBytes(), "", hparams, 0);
            }
            else
            {
                reader.Skip(wire);
            }
        }
    }

    /// <summary>SessionEndInfo.status: the hparams API's Status enum.</summary>
    private static RunStatus ReadSessionEnd(ReadOnlySpan<byte> endInfo)
    {
        ulong status = 0;
        var reader = new ProtoReader(endInfo);
        while (reader.TryReadKey(out var field, out var wire))
        {
            if (field == 1 && wire == ProtoReader.Varint)
            {
                status = reader.ReadVarint();
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return status switch
        {
            1 => RunStatus.Finished,
            2 => RunStatus.Failed,
            3 => RunStatus.Running,
            _ => RunStatus.Unknown,
        };
    }

    /// <summary>A map&lt;string, Value&gt; entry (also Struct.fields): key = 1, value = 2.</summary>
    private static void ReadMapEntry(ReadOnlySpan<byte> entry, string prefix, Dictionary<string, string> into, int depth)
    {
        var key = "";
        ReadOnlySpan<byte> value = default;
        var reader = new ProtoReader(entry);
        while (reader.TryReadKey(out var field, out var wire))
        {
            if (field == 1 && wire == ProtoReader.LengthDelimited)
            {
                key = Encoding.UTF8.GetString(reader.ReadBytes());
            }
            else if (field == 2 && wire == ProtoReader.LengthDelimited)
            {
                value = reader.ReadBytes();
            }
            else
            {
                reader.Skip(wire);
            }
        }

        ReadValue(value, prefix.Length == 0 ? key : prefix + "." + key, into, depth);
    }

    /// <summary>google.protobuf.Value: null 1, number 2, string 3, bool 4, struct 5, list 6.</summary>
    private static void ReadValue(ReadOnlySpan<byte> value, string key, Dictionary<string, string> into, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException($"hparam '{key}' is nested deeper than {MaxDepth} levels");
        }

        string? text = null;
        var reader = new ProtoReader(value);
        while (reader.TryReadKey(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == ProtoReader.Varint:
                    reader.ReadVarint();
                    text = "null";
                    break;
                case 2 when wire == ProtoReader.Fixed64:
                    text = reader.ReadDouble().ToString(CultureInfo.InvariantCulture);
                    break;
                case 3 when wire == ProtoReader.LengthDelimited:
                    text = Encoding.UTF8.GetString(reader.ReadBytes());
                    break;
                case 4 when wire == ProtoReader.Varint:
                    text = reader.ReadVarint() != 0 ? "true" : "false";
                    break;
                case 5 when wire == ProtoReader.LengthDelimited:
                    ReadStruct(reader.ReadBytes(), key, into, depth + 1);
                    return;
                case 6 when wire == ProtoReader.LengthDelimited:
                    ReadList(reader.ReadBytes(), key, into, depth + 1);
                    return;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        if (text is not null && key.Length > 0)
        {
            if (into.Count >= MaxHparams && !into.ContainsKey(key))
            {
                throw new InvalidDataException($"more than {MaxHparams:N0} hparams; the rest are not read");
            }

            into[key] = text;
        }
    }

    private static void ReadStruct(ReadOnlySpan<byte> fields, string key, Dictionary<string, string> into, int depth)
    {
        var reader = new ProtoReader(fields);
        while (reader.TryReadKey(out var field, out var wire))
        {
            if (field == 1 && wire == ProtoReader.LengthDelimited)
            {
                ReadMapEntry(reader.ReadBytes(), key, into, depth);
            }
            else
            {
                reader.Skip(wire);
            }
        }
    }

    private static void ReadList(ReadOnlySpan<byte> values, string key, Dictionary<string, string> into, int depth)
    {
        var index = 0;
        var reader = new ProtoReader(values);
        while (reader.TryReadKey(out var field, out var wire))
        {
            if (field == 1 && wire == ProtoReader.LengthDelimited)
            {
                ReadValue(reader.ReadBytes(), key + "." + index.ToString(CultureInfo.InvariantCulture), into, depth);
                index++;
            }
            else
            {
                reader.Skip(wire);
            }
        }
    }
}
