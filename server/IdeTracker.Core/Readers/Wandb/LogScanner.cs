using IdeTracker.Core.Readers.Common;
using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using Microsoft.Win32.SafeHandles;

namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Reads the framing of a run-&lt;id&gt;.wandb log, which is LevelDB's log format with W&amp;B's own file
/// header: 7 bytes ":W&amp;B", 0xBEE1 (little-endian), version 0; then 32 KB blocks of records, each a 7-byte
/// header (uint32 checksum, uint16 length, uint8 type: 1 whole, 2 first, 3 middle, 4 last piece) and its data.
/// A record never crosses a block; a block tail too short for a header is padding. The checksum is plain
/// CRC-32 (zlib's) over the type byte and then the data, unmasked. Reading goes on from the state's offset
/// until the stamped size, and stops at the first thing that is not a good record.</summary>
internal static class LogScanner
{
    public const int BlockSize = 32 * 1024;
    public const int HeaderSize = 7;

    /// <summary>Eight blocks a read: few system calls, and a buffer that stays out of the large object heap's way.</summary>
    private const int BlocksPerRead = 8;

    private const byte Full = 1;
    private const byte First = 2;
    private const byte Middle = 3;
    private const byte Last = 4;

    private static ReadOnlySpan<byte> FileHeader => [(byte)':', (byte)'W', (byte)'&', (byte)'B', 0xE1, 0xBE, 0];

    /// <summary>Reads records from <see cref="WandbLogState.Offset"/> up to <paramref name="size"/>, applying each
    /// to the state, and says how reading ended. The state's offset is left at the first byte not consumed.</summary>
    public static LogEnd Scan(SafeFileHandle handle, long size, WandbLogState state, CancellationToken cancellationToken)
    {
        if (state.Offset == 0 && ReadFileHeader(handle, size, state) is { } headerEnd)
        {
            return headerEnd;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize * BlocksPerRead);
        var crc = new Crc32();
        try
        {
            while (state.Offset < size)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = state.Offset;
                var wanted = (int)(Math.Min(size, ((start / BlockSize) + BlocksPerRead) * BlockSize) - start);
                var got = FileBytes.ReadFully(handle, buffer.AsSpan(0, wanted), start);
                if (got < wanted)
                {
                    // The file shrank while we read it: read what is there.
                    size = start + got;
                }

                if (ScanChunk(buffer.AsSpan(0, got), size, state, crc) is { } end)
                {
                    return end;
                }
            }

            return state.Pending.IsPending
                ? new LogEnd(LogEndKind.Incomplete, state.Pending.Start)
                : new LogEnd(LogEndKind.Clean, state.Offset);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static LogEnd? ReadFileHeader(SafeFileHandle handle, long size, WandbLogState state)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        var got = FileBytes.ReadFully(handle, header[..(int)Math.Min(size, HeaderSize)], 0);
        if (!FileHeader.StartsWith(header[..got]))
        {
            var reason = header[..Math.Min(got, 6)].SequenceEqual(FileHeader[..Math.Min(got, 6)])
                ? $"the log is format version {header[6]}, which this reader does not know"
                : "this is not a W&B run log: it does not start with \":W&B\"";
            return new LogEnd(LogEndKind.Damaged, 0, reason);
        }

        if (got < HeaderSize)
        {
            return new LogEnd(LogEndKind.Incomplete, 0);
        }

        state.Offset = HeaderSize;
        return null;
    }

    /// <summary>Consumes the records of one chunk, which starts at the state's offset and ends on a block
    /// boundary or at the end of the file. Null when all of it was consumed and reading can go on.</summary>
    private static LogEnd? ScanChunk(ReadOnlySpan<byte> chunk, long size, WandbLogState state, Crc32 crc)
    {
        var chunkStart = state.Offset;
        var chunkEnd = chunkStart + chunk.Length;
        while (state.Offset < chunkEnd)
        {
            var position = state.Offset;
            var leftInBlock = BlockSize - (int)(position % BlockSize);
            if (leftInBlock < HeaderSize)
            {
                if (position + leftInBlock > size)
                {
                    return Unfinished(state, position);
                }

                state.Offset = position + leftInBlock;
                continue;
            }

            if (position + HeaderSize > size)
            {
                return Unfinished(state, position);
            }

            var at = (int)(position - chunkStart);
            var checksum = BinaryPrimitives.ReadUInt32LittleEndian(chunk[at..]);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(chunk[(at + 4)..]);
            var type = chunk[at + 6];
            if (checksum == 0 && length == 0 && type == 0)
            {
                return new LogEnd(LogEndKind.ZeroPadding, position);
            }

            if (type is < Full or > Last)
            {
                return new LogEnd(LogEndKind.Damaged, position, $"bytes that are not a record header (record type {type})");
            }

            if (HeaderSize + length > leftInBlock)
            {
                return new LogEnd(LogEndKind.Damaged, position,
                    $"a record header whose length ({length} bytes) runs past the end of its 32 KB block");
            }

            var recordEnd = position + HeaderSize + length;
            if (recordEnd > size)
            {
                return Unfinished(state, position);
            }

            var data = chunk.Slice(at + HeaderSize, length);
            if (Checksum(crc, type, data) != checksum)
            {
                return new LogEnd(LogEndKind.Damaged, position, "a record whose checksum does not match its content",
                    IsTail(chunk, chunkStart, recordEnd, size));
            }

            if (Take(type, data, position, state) is { } sequenceProblem)
            {
                return new LogEnd(LogEndKind.Damaged, position, sequenceProblem);
            }

            state.Offset = recordEnd;
        }

        return null;
    }

    /// <summary>The file ends inside a record: where the split record began, if one is pending, else here.</summary>
    private static LogEnd Unfinished(WandbLogState state, long position) =>
        new(LogEndKind.Incomplete, state.Pending.IsPending ? state.Pending.Start : position);

    /// <summary>Puts the pieces of split records together and applies each whole record. A reason when the
    /// piece does not fit the sequence (a middle without a first, a first inside another record…).</summary>
    private static string? Take(byte type, ReadOnlySpan<byte> data, long position, WandbLogState state)
    {
        var pending = state.Pending;
        switch (type)
        {
            case Full when !pending.IsPending:
                RecordDecoder.Apply(data, position, state);
                return null;
            case First when !pending.IsPending:
                pending.Begin(position);
                pending.Append(data);
                return null;
            case Middle or Last when pending.IsPending:
                pending.Append(data);
                if (type == Last)
                {
                    Complete(state);
                }

                return null;
            case Full or First:
                return $"a new record where the rest of the record split at byte {pending.Start} should be";
            default:
                return "the continuation of a split record whose beginning is missing";
        }
    }

    private static void Complete(WandbLogState state)
    {
        var pending = state.Pending;
        if (pending.TooLarge)
        {
            state.Problems.Add(pending.Start,
                $"a record of {pending.Length} bytes, more than the {PendingRecord.MaxBytes / (1024 * 1024)} MB a record may have; skipped");
        }
        else
        {
            RecordDecoder.Apply(pending.Bytes, pending.Start, state);
        }

        pending.Clear();
    }

    private static uint Checksum(Crc32 crc, byte type, ReadOnlySpan<byte> data)
    {
        crc.Reset();
        crc.Append([type]);
        crc.Append(data);
        return crc.GetCurrentHashAsUInt32();
    }

    /// <summary>True when nothing follows the record but the end of the file or zeros: a write torn by a dying
    /// process rather than damage in the middle of the log. When the next header lies beyond this chunk it is
    /// not looked at, and the record counts as in the middle.</summary>
    private static bool IsTail(ReadOnlySpan<byte> chunk, long chunkStart, long recordEnd, long size)
    {
        var next = recordEnd;
        if (BlockSize - (next % BlockSize) < HeaderSize)
        {
            next += BlockSize - (next % BlockSize);
        }

        if (next >= size)
        {
            return true;
        }

        var at = next - chunkStart;
        return at + HeaderSize <= chunk.Length && !chunk.Slice((int)at, HeaderSize).ContainsAnyExcept((byte)0);
    }
}
