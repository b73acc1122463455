using System.Buffers.Binary;

namespace IdeTracker.Core.Tests.Speech.Audio;

/// <summary>A forward-only 16-bit mono PCM WAV of any length, made up as it is read (a slow sawtooth), so a test can
/// feed hours of audio without the gigabytes on disk or in memory.</summary>
public sealed class GeneratedWavStream(long frames, int sampleRate) : Stream
{
    private const int HeaderLength = 44;
    private readonly byte[] header = Header(frames, sampleRate);
    private long position;

    public long Length64 => HeaderLength + (frames * 2);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && position < Length64)
        {
            if (position < HeaderLength)
            {
                buffer[written++] = header[position++];
                continue;
            }

            // One sample (two bytes) at a time would be slow for hours of audio: fill whole samples in a run.
            var sampleIndex = (position - HeaderLength) / 2;
            if ((position - HeaderLength) % 2 == 1 || buffer.Length - written < 2)
            {
                var value = Sample(sampleIndex);
                buffer[written++] = (position - HeaderLength) % 2 == 0 ? (byte)value : (byte)(value >> 8);
                position++;
                continue;
            }

            var samples = (int)Math.Min((buffer.Length - written) / 2, frames - sampleIndex);
            for (var i = 0; i < samples; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(buffer[(written + (i * 2))..], Sample(sampleIndex + i));
            }

            written += samples * 2;
            position += samples * 2;
        }

        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static short Sample(long index) => (short)((index % 400) * 40 - 8000);

    private static byte[] Header(long frames, int sampleRate)
    {
        var header = new byte[HeaderLength];
        var dataBytes = (uint)Math.Min(frames * 2, uint.MaxValue - 36);
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), dataBytes + 36);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(22), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(28), (uint)sampleRate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(32), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(34), 16);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(40), dataBytes);
        return header;
    }
}
