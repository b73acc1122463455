using System.Buffers.Binary;
using System.Text;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Core.Speech.Audio;

/// <summary>Walks the RIFF chunks up to the samples and leaves the stream at the first data byte. Chunks may come in
/// any order (a seekable stream may even hold data before fmt); unknown chunks are skipped with their odd-size pad
/// byte. No size field is trusted beyond the file's length, and nothing is allocated from one.</summary>
internal static class WavHeaderParser
{
    private const int RiffHeaderSize = 12;

    private const int ChunkHeaderSize = 8;

    public static WavLayout Read(Stream stream)
    {
        long? length = stream.CanSeek ? stream.Length - stream.Position : null;
        var origin = stream.CanSeek ? stream.Position : 0;
        Span<byte> header = stackalloc byte[RiffHeaderSize];
        var got = stream.ReadAtLeast(header, RiffHeaderSize, throwOnEndOfStream: false);
        CheckRiffHeader(header[..got]);

        long position = RiffHeaderSize;
        WavFormat? format = null;
        long? dataOffset = null;
        long? dataLength = null;
        Span<byte> chunkHeader = stackalloc byte[ChunkHeaderSize];
        Span<byte> fmtBody = stackalloc byte[WavFmtChunk.ExtensibleSize];

        while (stream.ReadAtLeast(chunkHeader, ChunkHeaderSize, throwOnEndOfStream: false) == ChunkHeaderSize)
        {
            var chunkOffset = position;
            var id = Encoding.ASCII.GetString(chunkHeader[..4]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            position += ChunkHeaderSize;
            var available = length - position;

            if (id == "fmt " && format is null)
            {
                if (size < WavFmtChunk.MinimumSize)
                {
                    throw new WavFormatException($"fmt chunk at byte {chunkOffset} is {Labels.Count(size, "byte")}, expected at least {WavFmtChunk.MinimumSize}", chunkOffset);
                }

                var wanted = (int)Math.Min(size, WavFmtChunk.ExtensibleSize);
                var body = fmtBody[..wanted];
                var read = stream.ReadAtLeast(body, wanted, throwOnEndOfStream: false);
                if (read < wanted || size > available)
                {
                    throw new WavFormatException(
                        $"fmt chunk at byte {chunkOffset} is cut short: it says {Labels.Count(size, "byte")}, the file ends {Labels.Count(available ?? read, "byte")} into it", chunkOffset);
                }

                format = WavFmtChunk.Parse(body, chunkOffset, size);
                position += read;
                position = Skip(stream, position, size - read + (size & 1), length);
                continue;
            }

            if (id == "data" && dataOffset is null)
            {
                // Streaming writers (arecord or sox to a pipe) cannot go back to fill the size in: 0 or 0xFFFFFFFF,
                // or a size past the end of a cut-short file, all mean "the samples run to the end".
                if (format is not null)
                {
                    var toTheEnd = size is 0 or uint.MaxValue || size > available;
                    return new WavLayout(format, position + origin, toTheEnd ? available : size);
                }

                if (!stream.CanSeek)
                {
                    throw new WavFormatException(
                        $"data chunk at byte {chunkOffset} comes before the fmt chunk, and this stream cannot go back to it", chunkOffset);
                }

                // Here a size of 0 is a real empty chunk: a streaming writer puts fmt first.
                if (size is uint.MaxValue || size > available)
                {
                    throw new WavFormatException(
                        $"data chunk at byte {chunkOffset} runs to the end of the file, but no fmt chunk came before it", chunkOffset);
                }

                dataOffset = position;
                dataLength = size;
            }

            position = Skip(stream, position, size + (size & 1), length);
        }

        if (format is null)
        {
            throw new WavFormatException(
                dataOffset is null ? "no fmt chunk and no data chunk" : "no fmt chunk: the sample format is unknown", position);
        }

        if (dataOffset is null)
        {
            throw new WavFormatException("no data chunk", position);
        }

        stream.Seek(origin + dataOffset.Value, SeekOrigin.Begin);
        return new WavLayout(format, origin + dataOffset.Value, dataLength);
    }

    private static void CheckRiffHeader(ReadOnlySpan<byte> header)
    {
        if (header.IsEmpty)
        {
            throw new WavFormatException("not a WAV file: it is empty (0 bytes)", 0);
        }

        var start = header[..Math.Min(4, header.Length)];
        if (start.SequenceEqual("RF64"u8))
        {
            throw new WavFormatException("not a WAV file we read: RF64 (64-bit RIFF) is not supported", 0);
        }

        if (!start.SequenceEqual("RIFF"u8))
        {
            throw new WavFormatException($"not a WAV file: starts with '{Printable(start)}'", 0);
        }

        if (header.Length < RiffHeaderSize)
        {
            throw new WavFormatException($"WAV header cut short: the file is {Labels.Count(header.Length, "byte")}, a RIFF header takes {RiffHeaderSize}", 0);
        }

        if (!header[8..12].SequenceEqual("WAVE"u8))
        {
            throw new WavFormatException($"not a WAV file: a RIFF file of type '{Printable(header[8..12])}', not 'WAVE'", 8);
        }
    }

    /// <summary>Text shows as text; other bytes as \xNN, so "starts with 'ID3'" and binary junk both read plainly.</summary>
    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return text.ToString();
    }

    /// <summary>Moves past <paramref name="count"/> bytes: a seek where the stream can, else reading and discarding.
    /// Returns the new position, which may be past the end of the file (the chunk loop then finds no more chunks).</summary>
    private static long Skip(Stream stream, long position, long count, long? length)
    {
        if (count == 0)
        {
            return position;
        }

        if (stream.CanSeek)
        {
            var target = position + count;
            stream.Seek(Math.Min(target, length!.Value) - position, SeekOrigin.Current);
            return target;
        }

        Span<byte> discard = stackalloc byte[4096];
        var left = count;
        while (left > 0)
        {
            var read = stream.Read(discard[..(int)Math.Min(left, discard.Length)]);
            if (read == 0)
            {
                break;
            }

            left -= read;
        }

        return position + count - left;
    }
}
