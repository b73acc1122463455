using System.Buffers.Binary;

namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>Reads the protobuf wire format straight from a span: field keys, varints, fixed-width numbers and
/// length-delimited bytes, without allocating. Malformed input throws <see cref="InvalidDataException"/>,
/// which the caller turns into a located problem for that record.</summary>
internal ref struct ProtoReader
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int Fixed32 = 5;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtoReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>The next field's number and wire type; false at the end of the message.</summary>
    public bool TryReadKey(out int field, out int wireType)
    {
        if (_position >= _data.Length)
        {
            field = 0;
            wireType = 0;
            return false;
        }

        var key = ReadVarint();
        field = (int)(key >> 3);
        wireType = (int)(key & 7);
        if (field == 0 || key >> 3 > int.MaxValue)
        {
            throw new InvalidDataException("a field number is 0 or too large");
        }

        return true;
    }

    public ulong ReadVarint()
    {
        // Most varints here (field keys, small steps) are one byte.
        if (_position < _data.Length && _data[_position] < 0x80)
        {
            return _data[_position++];
        }

        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new InvalidDataException("a number runs past the end of its message");
            }

            var b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new InvalidDataException("a number is longer than ten bytes");
    }

    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public double ReadDouble() => BitConverter.UInt64BitsToDouble(ReadFixed64());

    public float ReadFloat() => BitConverter.UInt32BitsToSingle(ReadFixed32());

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw new InvalidDataException("a field runs past the end of its message");
        }

        return Take((int)length);
    }

    /// <summary>Skips a field this reader has no use for. Groups (wire types 3 and 4) are long deprecated and
    /// not used by any TensorBoard message, so they count as malformed.</summary>
    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case Varint:
                ReadVarint();
                break;
            case Fixed64:
                Take(8);
                break;
            case LengthDelimited:
                ReadBytes();
                break;
            case Fixed32:
                Take(4);
                break;
            default:
                throw new InvalidDataException($"wire type {wireType} is not one TensorBoard writes");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position)
        {
            throw new InvalidDataException("a field runs past the end of its message");
        }

        var taken = _data.Slice(_position, count);
        _position += count;
        return taken;
    }
}
