using System.Buffers.Binary;
using Google.Protobuf;
using IdeTracker.Core.Readers.Wandb.Proto;
using Record = IdeTracker.Core.Readers.Wandb.Proto.Record;

namespace IdeTracker.Core.Tests.Readers.Wandb;

/// <summary>Writes .wandb logs for tests the way W&amp;B's writer lays them out (LevelDB log framing under W&amp;B's
/// 7-byte file header), records serialised by the generated protobuf classes. Written apart from the
/// reader: its own CRC-32, its own splitting of records across 32 KB blocks. Everything it writes is
/// generated, not real data.</summary>
internal sealed class WandbLogWriter
{
    public const int BlockSize = 32 * 1024;
    public const int HeaderSize = 7;

    private static readonly uint[] CrcTable = MakeCrcTable();

    private readonly MemoryStream _bytes = new();
    private readonly List<long> _recordStarts = [];
    private long _num;

    public WandbLogWriter()
    {
        _bytes.Write([(byte)':', (byte)'W', (byte)'&', (byte)'B', 0xE1, 0xBE, 0]);
    }

    /// <summary>Where each record added so far starts (its first piece's header).</summary>
    public IReadOnlyList<long> RecordStarts => _recordStarts;

    public long Length => _bytes.Length;

    public byte[] ToArray() => _bytes.ToArray();

    /// <summary>Numbers the record as W&amp;B does (1, 2, …) unless it already has a number.</summary>
    public WandbLogWriter Add(Record record)
    {
        ++_num;
        if (record.Num == 0)
        {
            record.Num = _num;
        }

        return AddPayload(record.ToByteArray());
    }

    /// <summary>Frames any bytes as one record: split into FIRST, MIDDLE…, LAST pieces where it does not fit
    /// the block, the block's tail zero-filled when too short for a header, as LevelDB's writer does.</summary>
    public WandbLogWriter AddPayload(ReadOnlySpan<byte> payload)
    {
        var begin = true;
        do
        {
            var leftInBlock = BlockSize - (int)(_bytes.Length % BlockSize);
            if (leftInBlock < HeaderSize)
            {
                _bytes.Write(new byte[leftInBlock]);
                leftInBlock = BlockSize;
            }

            if (begin)
            {
                _recordStarts.Add(_bytes.Length);
            }

            var pieceLength = Math.Min(payload.Length, leftInBlock - HeaderSize);
            var end = pieceLength == payload.Length;
            byte type = (begin, end) switch
            {
                (true, true) => 1,
                (true, false) => 2,
                (false, false) => 3,
                _ => 4,
            };
            WritePiece(type, payload[..pieceLength]);
            payload = payload[pieceLength..];
            begin = false;
        }
        while (payload.Length > 0);

        return this;
    }

    /// <summary>Zeros to the given length, as a log preallocated or padded by a dying writer ends.</summary>
    public WandbLogWriter PadWithZerosTo(long length)
    {
        _bytes.Write(new byte[length - _bytes.Length]);
        return this;
    }

    public static uint Crc32(byte type, ReadOnlySpan<byte> data)
    {
        var crc = ~0u;
        crc = CrcTable[(crc ^ type) & 0xFF] ^ (crc >> 8);
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private void WritePiece(byte type, ReadOnlySpan<byte> piece)
    {
        var header = new byte[HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Crc32(type, piece));
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), (ushort)piece.Length);
        header[6] = type;
        _bytes.Write(header);
        _bytes.Write(piece);
    }

    /// <summary>zlib's CRC-32: reflected polynomial 0xEDB88320.</summary>
    private static uint[] MakeCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
