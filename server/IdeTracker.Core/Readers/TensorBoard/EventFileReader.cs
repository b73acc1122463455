using System.Buffers;
using System.Buffers.Binary;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;
using Microsoft.Win32.SafeHandles;

namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>Streams the TFRecord frames of one event file from where its state stopped: <c>uint64 length,
/// uint32 masked CRC-32C of the length, data, uint32 masked CRC-32C of the data</c>. Holds one buffer, never
/// the file. A record whose data check fails is reported and skipped; a failed length check loses the
/// framing, so the rest of the file is reported and left; a record cut off at the end of the file is one
/// still being written, and the next read starts at its beginning.</summary>
internal static class EventFileReader
{
    /// <summary>Records larger than this (a corrupt length, or an absurd image) are skipped, never allocated.</summary>
    public const int MaxRecordBytes = 64 * 1024 * 1024;

    private const int BufferBytes = 1024 * 1024;
    private const int HeaderBytes = 12;
    private const int FooterBytes = 4;
    private const int RecordsBetweenCancellationChecks = 4096;

    /// <summary>Reads the records between <see cref="EventFileState.Offset"/> and <paramref name="size"/> (the
    /// size the stamp saw) into <paramref name="run"/>, moving the offset past each whole record.</summary>
    public static void Read(EventFileState file, long size, EventRunState run, CancellationToken cancellationToken)
    {
        try
        {
            using var handle = File.OpenHandle(file.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);
            size = Math.Min(size, RandomAccess.GetLength(handle));
            ReadRecords(handle, file, size, run, cancellationToken);
            file.Head = ReadAt(handle, 0, (int)Math.Min(EventFileState.CheckBytes, file.Offset));
            var tail = (int)Math.Min(EventFileState.CheckBytes, file.Offset);
            file.Tail = ReadAt(handle, file.Offset - tail, tail);
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            file.Problems.Add(FileProblems.From(file.Path, e));
            file.ReadFailed = true;
        }
    }

    /// <summary>Whether the bytes a previous read saw at the start of the file and just before its offset are
    /// still there: a file that only grew keeps them, a replaced one almost never does.</summary>
    public static bool EdgesUnchanged(EventFileState file)
    {
        try
        {
            using var handle = File.OpenHandle(file.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return ReadAt(handle, 0, file.Head.Length).AsSpan().SequenceEqual(file.Head)
                && ReadAt(handle, file.Offset - file.Tail.Length, file.Tail.Length).AsSpan().SequenceEqual(file.Tail);
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            return false;
        }
    }

    private static void ReadRecords(SafeFileHandle handle, EventFileState file, long size, EventRunState run, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(size - file.Offset, HeaderBytes, BufferBytes));
        try
        {
            var window = new Window(handle, buffer, file.Offset, size);
            var records = 0;
            while (true)
            {
                if (++records % RecordsBetweenCancellationChecks == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var start = window.Position;
                var left = size - start;
                if (left < HeaderBytes || !window.Ensure(HeaderBytes))
                {
                    return;
                }

                var header = window.Span(HeaderBytes);
                var length = BinaryPrimitives.ReadUInt64LittleEndian(header);
                if (Crc32C.Masked(header[..8]) != BinaryPrimitives.ReadUInt32LittleEndian(header[8..]))
                {
                    file.Problems.Add(start, "the length check of this record fails, so the framing is lost; the rest of the file is not read", ProblemSeverity.Error);
                    file.FramingLost = true;
                    return;
                }

                if (length > (ulong)(left - HeaderBytes - FooterBytes))
                {
                    // Cut off by the end of the file: still being written (or torn by a crash). Not an error.
                    return;
                }

                var total = HeaderBytes + (long)length + FooterBytes;
                if (length > MaxRecordBytes)
                {
                    file.Problems.Add(start, $"a record of {ByteSizeText.Of((long)length)} is larger than the {ByteSizeText.OfLimit(MaxRecordBytes)} limit; skipped");
                    window.MoveTo(start + total);
                }
                else if (total <= buffer.Length)
                {
                    if (!window.Ensure((int)total))
                    {
                        return;
                    }

                    var frame = window.Span((int)total);
                    Take(frame[HeaderBytes..^FooterBytes], BinaryPrimitives.ReadUInt32LittleEndian(frame[^FooterBytes..]), start, file, run);
                    window.Advance((int)total);
                }
                else
                {
                    // Larger than the buffer but under the limit (an image, a graph): read alone, then let go.
                    var record = new byte[length + FooterBytes];
                    if (FileBytes.ReadFully(handle, record, start + HeaderBytes) < record.Length)
                    {
                        return;
                    }

                    Take(record.AsSpan(0, (int)length), BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan((int)length)), start, file, run);
                    window.MoveTo(start + total);
                }

                file.Offset = start + total;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Take(ReadOnlySpan<byte> data, uint check, long start, EventFileState file, EventRunState run)
    {
        if (Crc32C.Masked(data) != check)
        {
            file.Problems.Add(start, "the data check of this record fails (the file is damaged here); the record is skipped");
            return;
        }

        try
        {
            EventRecordDecoder.Decode(data, run, file.Problems, start);
        }
        catch (InvalidDataException e)
        {
            file.Problems.Add(start, "not a valid Event record: " + e.Message);
        }
    }

    private static byte[] ReadAt(SafeFileHandle handle, long offset, int count)
    {
        var bytes = new byte[Math.Max(count, 0)];
        var read = FileBytes.ReadFully(handle, bytes, offset);
        return read == bytes.Length ? bytes : bytes[..read];
    }

    /// <summary>The part of the file held in the buffer: bytes [<see cref="Position"/>, end of data read).</summary>
    private sealed class Window(SafeFileHandle handle, byte[] buffer, long start, long size)
    {
        private long _bufferStart = start;
        private int _at;
        private int _filled;

        public long Position => _bufferStart + _at;

        public ReadOnlySpan<byte> Span(int count) => buffer.AsSpan(_at, count);

        public void Advance(int count) => _at += count;

        public void MoveTo(long position)
        {
            if (position - _bufferStart <= _filled)
            {
                _at = (int)(position - _bufferStart);
                return;
            }

            _bufferStart = position;
            _at = 0;
            _filled = 0;
        }

        /// <summary>Makes <paramref name="count"/> bytes (at most the buffer's size) available at the position;
        /// false when the file ends first.</summary>
        public bool Ensure(int count)
        {
            if (_filled - _at >= count)
            {
                return true;
            }

            var kept = _filled - _at;
            buffer.AsSpan(_at, kept).CopyTo(buffer);
            _bufferStart += _at;
            _at = 0;
            _filled = kept;
            while (_filled < count)
            {
                var wanted = (int)Math.Min(buffer.Length - _filled, size - (_bufferStart + _filled));
                var n = wanted <= 0 ? 0 : RandomAccess.Read(handle, buffer.AsSpan(_filled, wanted), _bufferStart + _filled);
                if (n == 0)
                {
                    return false;
                }

                _filled += n;
            }

            return true;
        }
    }
}
