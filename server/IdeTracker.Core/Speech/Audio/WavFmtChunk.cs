using System.Buffers.Binary;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Core.Speech.Audio;

/// <summary>Parses the body of a fmt chunk (WAVEFORMAT, WAVEFORMATEX or WAVEFORMATEXTENSIBLE).</summary>
internal static class WavFmtChunk
{
    public const int MinimumSize = 16;

    public const int ExtensibleSize = 40;

    private const int ExtensibleTag = 0xFFFE;

    /// <summary>Bytes 2–15 of every KSDATAFORMAT_SUBTYPE_* GUID derived from a WAVE format tag
    /// ({tag-0000-0010-8000-00AA00389B71}); bytes 0–1 hold the tag.</summary>
    private static ReadOnlySpan<byte> SubFormatSuffix => [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <param name="body">The first bytes of the chunk body (at most <see cref="ExtensibleSize"/>).</param>
    /// <param name="chunkOffset">Where the chunk header starts in the file, for messages.</param>
    /// <param name="declaredSize">The chunk's size field.</param>
    public static WavFormat Parse(ReadOnlySpan<byte> body, long chunkOffset, long declaredSize)
    {
        var tag = (int)BinaryPrimitives.ReadUInt16LittleEndian(body);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(body[12..]);
        int bitsPerSample = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
        var where = $"fmt chunk at byte {chunkOffset}";

        if (tag == ExtensibleTag)
        {
            if (declaredSize < ExtensibleSize)
            {
                throw new WavFormatException($"extensible {where} is {Labels.Count(declaredSize, "byte")}, expected {ExtensibleSize}", chunkOffset);
            }

            var subFormat = body.Slice(24, 16);
            if (!subFormat[2..].SequenceEqual(SubFormatSuffix))
            {
                throw new WavFormatException($"unsupported extensible sub-format {new Guid(subFormat)} in the {where}", chunkOffset);
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(subFormat);
        }

        if (channels == 0)
        {
            throw new WavFormatException($"{where} says 0 channels", chunkOffset);
        }

        if (sampleRate == 0 || sampleRate > int.MaxValue)
        {
            throw new WavFormatException($"{where} says a sample rate of {sampleRate} Hz", chunkOffset);
        }

        var isFloat = tag switch
        {
            1 => false,
            3 => true,
            _ => throw new WavFormatException(
                $"unsupported format 0x{tag:X4} ({WavFormatNames.Describe(tag)}) in the {where}; only PCM and IEEE float are read", chunkOffset),
        };

        var bytesPerSample = (bitsPerSample + 7) / 8;
        var fits = isFloat ? bitsPerSample is 32 or 64 : bitsPerSample is >= 1 and <= 32;
        if (!fits)
        {
            throw new WavFormatException($"unsupported {(isFloat ? "float" : "PCM")} sample size of {bitsPerSample} bits in the {where}", chunkOffset);
        }

        if (blockAlign != channels * bytesPerSample)
        {
            throw new WavFormatException(
                $"{where} says frames of {Labels.Count(blockAlign, "byte")}, but {Labels.Count(channels, "channel")} of {bitsPerSample} bits take {channels * bytesPerSample}", chunkOffset);
        }

        return new WavFormat(channels, (int)sampleRate, bytesPerSample, isFloat);
    }
}
