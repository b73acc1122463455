using System.Buffers;
using System.Text;

namespace IdeTracker.Core.Readers.Common;

/// <summary>Reads newline-terminated lines from a stream without ever holding more than a bounded line.
/// A final line without its newline is not returned: the writer may still be writing it.</summary>
internal sealed class BoundedLineReader : IDisposable
{
    /// <summary>Bytes kept before the read position when the buffer is compacted, for <see cref="CopyConsumedTail"/>.</summary>
    private const int KeptTail = 32;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private int _lastLineStart = -1;
    private bool _skipping;

    public BoundedLineReader(Stream stream, int maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        // Pooled: a fresh 128 KiB array per file would land on the large object heap a thousand times a scan.
        _buffer = ArrayPool<byte>.Shared.Rent((maxLineBytes * 2) + 2);
    }

    /// <summary>1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Bytes of the stream taken by the lines returned so far, newlines included: where the next line
    /// starts, relative to where the stream stood when this reader began. A line still being written is not counted.</summary>
    public long Consumed { get; private set; }

    /// <summary>Copies the last bytes before <see cref="Consumed"/> (up to <paramref name="into"/>'s length and at
    /// most a few dozen) to the front of <paramref name="into"/> and returns how many: none while an over-long last
    /// line is being skipped.</summary>
    public int CopyConsumedTail(Span<byte> into)
    {
        if (_skipping)
        {
            return 0;
        }

        var count = Math.Min(into.Length, _start);
        _buffer.AsSpan(_start - count, count).CopyTo(into);
        return count;
    }

    /// <summary>The line last returned as the stream has it, line ending included; empty when it was over-long.
    /// Valid until the next call.</summary>
    public ReadOnlySpan<byte> LastLineAsRead => _lastLineStart < 0 ? default : _buffer.AsSpan(_lastLineStart, _start - _lastLineStart);

    /// <summary>The next complete line, without "\n" or "\r\n", invalid UTF-8 replaced. A line longer than the
    /// bound comes back as null text (and is skipped). False when no complete line is left.</summary>
    public bool TryRead(out string? text)
    {
        if (!TryReadBytes(out var line, out var tooLong))
        {
            text = null;
            return false;
        }

        text = tooLong ? null : Encoding.UTF8.GetString(line);
        return true;
    }

    /// <summary>The next complete line as bytes in the reader's own buffer, valid until the next call. An
    /// over-long line is skipped and reported with <paramref name="tooLong"/> and an empty span.</summary>
    public bool TryReadBytes(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                LineNumber++;
                line = pending[..newline];
                if (!line.IsEmpty && line[^1] == (byte)'\r')
                {
                    line = line[..^1];
                }

                tooLong = line.Length > _maxLineBytes;
                if (tooLong)
                {
                    line = default;
                }

                _lastLineStart = tooLong ? -1 : _start;
                _start += newline + 1;
                Consumed += newline + 1;
                return true;
            }

            if (pending.Length > _maxLineBytes)
            {
                _lastLineStart = -1;
                LineNumber++;
                line = default;
                tooLong = true;
                return SkipRestOfLine();
            }

            if (_endOfStream)
            {
                line = default;
                tooLong = false;
                return false;
            }

            Fill();
        }
    }

    /// <summary>Drops an over-long line up to its newline. True when the newline came, false when the stream
    /// ended first (then the line was the unfinished last one and is not reported).</summary>
    private bool SkipRestOfLine()
    {
        long skipped = 0;
        _skipping = true;
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _skipping = false;
                _start += newline + 1;
                Consumed += skipped + newline + 1;
                return true;
            }

            skipped += _end - _start;
            _start = _end;
            if (_endOfStream)
            {
                return false;
            }

            Fill();
        }
    }

    private void Fill()
    {
        _lastLineStart = -1;
        if (_start > KeptTail)
        {
            // Room for at least a whole line remains: more pending than the longest line goes to SkipRestOfLine.
            _buffer.AsSpan(_start - KeptTail, _end - _start + KeptTail).CopyTo(_buffer);
            _end -= _start - KeptTail;
            _start = KeptTail;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        BytesReadProbe.Add(read);
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
