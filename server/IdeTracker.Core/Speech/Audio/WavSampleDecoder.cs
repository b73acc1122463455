using System.Buffers.Binary;

namespace IdeTracker.Core.Speech.Audio;

/// <summary>Turns raw sample bytes into floats in [-1, 1]. Integer PCM of any width is first placed in the high bits
/// of an int (8-bit is unsigned, so it is re-centred), which makes one scale serve every width.</summary>
internal static class WavSampleDecoder
{
    private const double IntScale = 1.0 / 2147483648.0;

    public static void Decode(ReadOnlySpan<byte> bytes, WavFormat format, Span<float> samples)
    {
        var width = format.BytesPerSample;
        var count = bytes.Length / width;
        if (format.IsFloat)
        {
            for (var i = 0; i < count; i++)
            {
                var value = width == 4
                    ? BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(i * 4, 4))
                    : BinaryPrimitives.ReadDoubleLittleEndian(bytes.Slice(i * 8, 8));
                samples[i] = Clamp(value);
            }

            return;
        }

        switch (width)
        {
            case 1:
                for (var i = 0; i < count; i++)
                {
                    samples[i] = (float)(((bytes[i] - 128) << 24) * IntScale);
                }

                break;
            case 2:
                for (var i = 0; i < count; i++)
                {
                    samples[i] = (float)((BinaryPrimitives.ReadInt16LittleEndian(bytes.Slice(i * 2, 2)) << 16) * IntScale);
                }

                break;
            case 3:
                for (var i = 0; i < count; i++)
                {
                    var at = i * 3;
                    var value = (bytes[at] << 8) | (bytes[at + 1] << 16) | (bytes[at + 2] << 24);
                    samples[i] = (float)(value * IntScale);
                }

                break;
            default:
                for (var i = 0; i < count; i++)
                {
                    samples[i] = (float)(BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(i * 4, 4)) * IntScale);
                }

                break;
        }
    }

    /// <summary>Float files may overshoot full scale and may hold NaN; Whisper expects [-1, 1].</summary>
    private static float Clamp(double value) => double.IsNaN(value) ? 0f : (float)Math.Clamp(value, -1.0, 1.0);
}
