namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Walks the fields of one protobuf message in a span without allocating: the hot path of the log
/// (history rows) is read with it instead of generated classes. Every method returns false on bytes that are
/// not valid wire format, so a caller can word one problem for the record and move on.</summary>
internal ref struct ProtoWire
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int Fixed32 = 5;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtoWire(ReadOnlySpan<byte> data) => _data = data;

    public readonly bool AtEnd => _position >= _data.Length;

    public bool TryReadTag(out int field, out int wireType)
    {
        field = 0;
        wireType = 0;
        if (!TryReadVarint(out var tag) || tag > int.MaxValue || (tag >> 3) == 0)
        {
            return false;
        }

        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return true;
    }

    public bool TryReadVarint(out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                return false;
            }

            var b = _data[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A length-delimited field's bytes; the length is checked against what is left, never trusted.</summary>
    public bool TryReadBytes(out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (!TryReadVarint(out var length) || length > (ulong)(_data.Length - _position))
        {
            return false;
        }

        bytes = _data.Slice(_position, (int)length);
        _position += (int)length;
        return true;
    }

    /// <summary>Skips a field of the given wire type (groups, long deprecated, count as invalid).</summary>
    public bool TrySkip(int wireType)
    {
        switch (wireType)
        {
            case Varint:
                return TryReadVarint(out _);
            case Fixed64:
                return TryAdvance(8);
            case LengthDelimited:
                return TryReadBytes(out _);
            case Fixed32:
                return TryAdvance(4);
            default:
                return false;
        }
    }

    private bool TryAdvance(int count)
    {
        if (_data.Length - _position < count)
        {
            return false;
        }

        _position += count;
        return true;
    }
}
