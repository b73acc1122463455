using System.Buffers.Binary;

namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>Reads the one number of a TensorProto that holds exactly one element (TF2's scalar summaries are
/// 0-d tensors): from tensor_content, or else from the typed repeated field its dtype uses.</summary>
internal static class TensorScalar
{
    // tensorflow.DataType values.
    private const int Float = 1;
    private const int Double = 2;
    private const int Int32 = 3;
    private const int UInt8 = 4;
    private const int Int16 = 5;
    private const int Int8 = 6;
    private const int Int64 = 9;
    private const int Bool = 10;
    private const int BFloat16 = 14;
    private const int UInt16 = 17;
    private const int Half = 19;
    private const int UInt32 = 22;
    private const int UInt64 = 23;

    /// <summary>False when the tensor does not hold exactly one element of a numeric type.</summary>
    public static bool TryRead(ReadOnlySpan<byte> tensor, out double value)
    {
        value = 0;
        var dtype = 0;
        var oneElement = true;
        ReadOnlySpan<byte> content = default;
        var hasTyped = false;
        double typedValue = 0;
        var reader = new ProtoReader(tensor);
        while (reader.TryReadKey(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == ProtoReader.Varint:
                    dtype = (int)reader.ReadVarint();
                    break;
                case 2 when wire == ProtoReader.LengthDelimited:
                    oneElement = HoldsOneElement(reader.ReadBytes());
                    break;
                case 4 when wire == ProtoReader.LengthDelimited:
                    content = reader.ReadBytes();
                    break;
                case 5 or 6 or 7 or 10 or 11 or 13 or 16 or 17 when !hasTyped && FieldFor(dtype, field):
                    // dtype (field 1) comes first in every writer's output, so the right field is known here.
                    hasTyped = FirstTyped(ref reader, dtype, wire, out typedValue);
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        if (!oneElement)
        {
            return false;
        }

        if (!content.IsEmpty)
        {
            return FromContent(dtype, content, out value);
        }

        value = typedValue;
        return hasTyped;
    }

    /// <summary>Whether a TensorShapeProto describes exactly one element: 0-d, or every dim of size 1.</summary>
    private static bool HoldsOneElement(ReadOnlySpan<byte> shape)
    {
        var reader = new ProtoReader(shape);
        while (reader.TryReadKey(out var field, out var wire))
        {
            if (field == 2 && wire == ProtoReader.LengthDelimited)
            {
                var dim = new ProtoReader(reader.ReadBytes());
                ulong size = 0;
                while (dim.TryReadKey(out var dimField, out var dimWire))
                {
                    if (dimField == 1 && dimWire == ProtoReader.Varint)
                    {
                        size = dim.ReadVarint();
                    }
                    else
                    {
                        dim.Skip(dimWire);
                    }
                }

                if (size != 1)
                {
                    return false;
                }
            }
            else if (field == 3 && wire == ProtoReader.Varint)
            {
                // unknown_rank
                if (reader.ReadVarint() != 0)
                {
                    return false;
                }
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return true;
    }

    private static bool FieldFor(int dtype, int field) => dtype switch
    {
        Float => field == 5,
        Double => field == 6,
        Int32 or Int16 or Int8 or UInt8 or UInt16 => field == 7,
        Int64 => field == 10,
        Bool => field == 11,
        Half or BFloat16 => field == 13,
        UInt32 => field == 16,
        UInt64 => field == 17,
        _ => false,
    };

    private static bool FromContent(int dtype, ReadOnlySpan<byte> content, out double value)
    {
        value = 0;
        var width = dtype switch
        {
            Float or Int32 or UInt32 => 4,
            Double or Int64 or UInt64 => 8,
            Int16 or UInt16 or Half or BFloat16 => 2,
            Int8 or UInt8 or Bool => 1,
            _ => 0,
        };
        if (width == 0 || content.Length != width)
        {
            return false;
        }

        value = dtype switch
        {
            Float => BinaryPrimitives.ReadSingleLittleEndian(content),
            Double => BinaryPrimitives.ReadDoubleLittleEndian(content),
            Int32 => BinaryPrimitives.ReadInt32LittleEndian(content),
            UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(content),
            Int64 => BinaryPrimitives.ReadInt64LittleEndian(content),
            UInt64 => BinaryPrimitives.ReadUInt64LittleEndian(content),
            Int16 => BinaryPrimitives.ReadInt16LittleEndian(content),
            UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(content),
            Half => (double)BinaryPrimitives.ReadHalfLittleEndian(content),
            BFloat16 => BFloat16Value(BinaryPrimitives.ReadUInt16LittleEndian(content)),
            Int8 => (sbyte)content[0],
            _ => content[0],
        };
        return true;
    }

    /// <summary>The first element of a typed repeated field, packed (one length-delimited run) or not (one
    /// field per element).</summary>
    private static bool FirstTyped(ref ProtoReader reader, int dtype, int wire, out double value)
    {
        value = 0;
        switch (wire)
        {
            case ProtoReader.Fixed32 when dtype == Float:
                value = reader.ReadFloat();
                return true;
            case ProtoReader.Fixed64 when dtype == Double:
                value = reader.ReadDouble();
                return true;
            case ProtoReader.Varint when dtype is not (Float or Double):
                value = FromVarint(dtype, reader.ReadVarint());
                return true;
            case ProtoReader.LengthDelimited:
                var packed = reader.ReadBytes();
                if (dtype == Float)
                {
                    value = packed.Length >= 4 ? BinaryPrimitives.ReadSingleLittleEndian(packed) : 0;
                    return packed.Length >= 4;
                }

                if (dtype == Double)
                {
                    value = packed.Length >= 8 ? BinaryPrimitives.ReadDoubleLittleEndian(packed) : 0;
                    return packed.Length >= 8;
                }

                if (packed.IsEmpty)
                {
                    return false;
                }

                var elements = new ProtoReader(packed);
                value = FromVarint(dtype, elements.ReadVarint());
                return true;
            default:
                reader.Skip(wire);
                return false;
        }
    }

    private static double FromVarint(int dtype, ulong raw) => dtype switch
    {
        Int32 or Int16 or Int8 => (int)raw,
        UInt8 or UInt16 or UInt32 => (uint)raw,
        Int64 => (long)raw,
        Bool => raw != 0 ? 1 : 0,
        Half => (double)BitConverter.UInt16BitsToHalf((ushort)raw),
        BFloat16 => BFloat16Value((ushort)raw),
        _ => raw,
    };

    /// <summary>bfloat16 is the top half of a float32.</summary>
    private static double BFloat16Value(ushort bits) => BitConverter.UInt32BitsToSingle((uint)bits << 16);
}
